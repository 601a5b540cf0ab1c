import type { SiteSettings } from '@r2w/cv-schema/api';
import { isHexColor } from './shared/color';

/**
 * What the site owner chooses that changes the pages (the API contract's site settings; the
 * site's own address only goes into links). Anything invalid is ignored: an accent colour
 * is adjusted where needed so text in it stays readable.
 */
export type TemplateSettings = Omit<SiteSettings, 'siteUrl'>;

export type ResolvedSettings = {
  language: string;
  dir: 'ltr' | 'rtl';
  accentColor: string | null;
  showPhoto: boolean;
};

const RIGHT_TO_LEFT = new Set(['he', 'iw', 'ar', 'fa', 'ur', 'yi']);

// The tag ends up in lang="" and in Intl formatters, which throw on a malformed one; the
// platform's own parser decides (and canonicalises "he-il" to "he-IL").
function languageTag(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The owner's choices; a site whose owner chose no language is in the CV's, as the API read
 * it (a Hebrew CV's site in Hebrew, right to left), else in English.
 */
export function resolveSettings(settings: TemplateSettings = {}, cvLanguage?: string | null): ResolvedSettings {
  const language = languageTag(settings.language) ?? languageTag(cvLanguage ?? undefined) ?? 'en';
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return {
    language,
    dir: RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr',
    accentColor: isHexColor(settings.accentColor) ? settings.accentColor.toLowerCase() : null,
    showPhoto: settings.showPhoto ?? true,
  };
}
