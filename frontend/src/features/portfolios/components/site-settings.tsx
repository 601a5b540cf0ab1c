import type { Portfolio, SiteSettings as SiteSettingsValue } from '@r2w/cv-schema/api';
import { SITE_LANGUAGES } from '@r2w/portfolio-task/site-languages';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { useUpdatePortfolio } from '../api/save-portfolio';

// The languages the templates have every word for, each named in itself ("Español", "עברית").
const LANGUAGES = SITE_LANGUAGES.map((code) => {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return [code, name.charAt(0).toLocaleUpperCase(code) + name.slice(1)] as const;
});

const SAVE_AFTER_MS = 600;

type Props = {
  portfolio: Portfolio;
  /** The CV's language as the API read it (null: too short to tell; undefined: not known). */
  cvLanguage: string | null | undefined;
  /** Whether there is a photo to show (uploaded, or a photo address in the CV). */
  hasPhoto: boolean;
  onPreview: (settings: SiteSettingsValue) => void;
};

/**
 * Language, accent colour and photo: shown in the preview at once, saved a moment later.
 * Until the owner picks a language the site is in the CV's own, as the API read it.
 */
export function SiteSettings({ portfolio, cvLanguage: fromCv, hasPhoto, onPreview }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<SiteSettingsValue>(portfolio.settings);
  const update = useUpdatePortfolio(portfolio.id);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: SiteSettingsValue) => {
    // Absent means "the template's choice", which the API stores by leaving the key out.
    const cleaned = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as SiteSettingsValue;
    setDraft(cleaned);
    onPreview(cleaned);
    clearTimeout(timer.current);
    // The API replaces settings whole: keep what this form does not edit (the site URL).
    const { language: _language, accentColor: _accent, showPhoto: _photo, ...others } = portfolio.settings;
    timer.current = setTimeout(() => update.mutate({ settings: { ...others, ...cleaned } }), SAVE_AFTER_MS);
  };

  return (
    <fieldset className="site-settings">
      <legend>Site settings</legend>
      <div className="field">
        <label htmlFor={`${id}-language`}>Language of headings and dates</label>
        <select
          id={`${id}-language`}
          value={draft.language ?? fromCv ?? 'en'}
          aria-describedby={draft.language || fromCv === undefined ? undefined : `${id}-language-hint`}
          onChange={(event) => change({ ...draft, language: event.target.value })}
        >
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
        {draft.language || fromCv === undefined ? null : (
          <p id={`${id}-language-hint`} className="hint">
            {fromCv ? 'Chosen from the language your CV is written in.' : 'Your CV is too short to tell its language.'}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-accent`}>Accent colour</label>
        <div className="row-actions">
          <input id={`${id}-accent`} type="color" value={draft.accentColor ?? '#1f4fd1'} onChange={(event) => change({ ...draft, accentColor: event.target.value })} />
          {draft.accentColor ? (
            <Button variant="quiet" onClick={() => change({ ...draft, accentColor: undefined })}>
              Use the template&apos;s colour
            </Button>
          ) : (
            <span className="hint">The template&apos;s own colour is used.</span>
          )}
        </div>
      </div>
      <div className="field field-check">
        {/* Without a photo the box is off and out of use: ticked, it would promise a photo the site cannot show. */}
        <input
          id={`${id}-photo`}
          type="checkbox"
          checked={hasPhoto && (draft.showPhoto ?? true)}
          disabled={!hasPhoto}
          aria-describedby={hasPhoto ? undefined : `${id}-photo-hint`}
          onChange={(event) => change({ ...draft, showPhoto: event.target.checked })}
        />
        <label htmlFor={`${id}-photo`}>Show my photo</label>
      </div>
      {hasPhoto ? null : (
        <p id={`${id}-photo-hint`} className="hint">
          Upload a photo above to show it on your site.
        </p>
      )}
      <p role="status" className="hint">
        {update.isPending ? 'Saving settings…' : update.isSuccess ? 'Settings saved.' : ''}
      </p>
      <ErrorNote error={update.error} />
    </fieldset>
  );
}
