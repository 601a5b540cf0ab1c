import type { Cv } from '@r2w/cv-schema';
import type { ReactNode } from 'react';
import { labelsFor } from '../i18n';
import { resolveSettings, type TemplateSettings } from '../settings';
import { displayName } from './display-case';
import { SiteContext } from './site-context';
import { clean } from './text';

const MAIN_ID = 'main';

type PageProps = { cv: Cv; settings?: TemplateSettings; photo?: string | null; templateId: string; children: ReactNode };

/**
 * What every template shares around its own layout: the settings every section reads, the
 * language and direction, the skip link (first in focus order) and the footer.
 */
export function Page({ cv, settings, photo, templateId, children }: PageProps) {
  const resolved = resolveSettings(settings);
  const labels = labelsFor(resolved.language);
  const ownerName = clean(cv.hero.fullName);
  return (
    <SiteContext value={{ settings: resolved, labels, ownerName, photo: photo ?? null }}>
      <div className={`site site--${templateId}`} lang={resolved.language} dir={resolved.dir}>
        <a className="skip-link" href={`#${MAIN_ID}`}>
          {labels.skipToContent}
        </a>
        {children}
        <footer className="site-footer">
          <p>© {ownerName ? displayName(ownerName, resolved.language) : labels.portfolio}</p>
          {/* "#top" scrolls to the start of the document without needing an element of that id. */}
          <a className="back-to-top" href="#top">
            {labels.backToTop}
          </a>
        </footer>
      </div>
    </SiteContext>
  );
}

/** The skip link's target; focusable so keyboard focus moves there too, not just the scroll position. */
export function Main({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <main id={MAIN_ID} className={className} tabIndex={-1}>
      {children}
    </main>
  );
}
