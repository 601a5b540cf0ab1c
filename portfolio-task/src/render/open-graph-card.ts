import type { Cv } from '@r2w/cv-schema';
import type { SiteSettings } from '@r2w/cv-schema/api';
import { labelsFor, resolveSettings, templateById, type TemplateId } from '../templates';
import { readableAccent } from '../templates/shared/color';
import { displayName } from '../templates/shared/display-case';
import { clean } from '../templates/shared/text';

/** The share image's size: what LinkedIn, Facebook and X show as a large card (1.91:1). */
export const OPEN_GRAPH_IMAGE = { width: 1200, height: 630 } as const;

/**
 * What a site's share image shows, decided here with the site's own rules (the name as the
 * page's heading shows it, the template's colours and the owner's accent made readable) so
 * that whoever draws the image (the API, with an image library the builder does not carry)
 * draws the same person the page shows.
 */
export type OpenGraphCard = {
  name: string;
  headline: string | null;
  dir: 'ltr' | 'rtl';
  colours: { background: string; text: string; muted: string; accent: string };
};

export function openGraphCard(cv: Cv, options: { templateId: TemplateId; settings?: SiteSettings; cvLanguage?: string | null }): OpenGraphCard {
  const { siteUrl: _siteUrl, ...choices } = options.settings ?? {};
  const settings = resolveSettings(choices, options.cvLanguage);
  const palette = templateById(options.templateId).theme.base;
  const written = clean(cv.hero.fullName);
  return {
    name: written ? displayName(written, settings.language) : labelsFor(settings.language).portfolio,
    headline: clean(cv.hero.professionalTitle) ?? clean(cv.hero.summaryTagline),
    dir: settings.dir,
    colours: {
      background: palette.bg,
      text: palette.text,
      muted: palette.muted,
      accent: settings.accentColor ? readableAccent(settings.accentColor, [palette.bg]) : palette.accent,
    },
  };
}
