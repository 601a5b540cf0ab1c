import type { Cv } from '@r2w/cv-schema';
import { isTemplateId, renderSite, type SiteSettings } from '@r2w/portfolio-task';
import { useDeferredValue, useMemo, useState } from 'react';

type Props = {
  cv: Cv;
  templateId: string;
  settings?: SiteSettings;
  /** The CV's language as the API read it: the site's until the owner chooses one. */
  cvLanguage?: string | null;
  title?: string;
};

const WIDTHS = { phone: 375, desktop: 1200 } as const;
type Device = keyof typeof WIDTHS;

/**
 * The site as it will be published, rendered in the browser by the builder's own
 * renderer and templates. Rendering follows typing at the pace the browser allows
 * (a deferred value), and the page runs in a sandboxed frame with no script rights.
 */
export function LivePreview({ cv, templateId, settings, cvLanguage, title = 'Live preview of your website' }: Props) {
  const [device, setDevice] = useState<Device>('desktop');
  const deferred = useDeferredValue(cv);
  const html = useMemo(() => {
    if (!isTemplateId(templateId)) return null;
    return renderSite(deferred, { templateId, settings, cvLanguage }).files.find((file) => file.path === 'index.html')?.body ?? null;
  }, [deferred, templateId, settings, cvLanguage]);

  return (
    <section aria-label="Preview" className="preview">
      <div className="preview-bar" role="group" aria-label="Preview width">
        {(Object.keys(WIDTHS) as Device[]).map((name) => (
          <button key={name} type="button" className="btn btn-quiet" aria-pressed={device === name} onClick={() => setDevice(name)}>
            {name === 'phone' ? 'Phone' : 'Desktop'}
          </button>
        ))}
      </div>
      <div className={`preview-frame preview-${device}`}>
        {html ? <iframe title={title} srcDoc={html} sandbox="" style={{ width: device === 'phone' ? WIDTHS.phone : '100%' }} /> : <p>Choose a template to see your site.</p>}
      </div>
    </section>
  );
}

export default LivePreview;
