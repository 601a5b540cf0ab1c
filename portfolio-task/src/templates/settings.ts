import { isHexColor } from './shared/color';

/** What the site owner chooses; every field optional, anything invalid is ignored. */
export type TemplateSettings = {
  language?: string;
  /** `#rrggbb`; adjusted where needed so text in it stays readable. */
  accentColor?: string;
  showPhoto?: boolean;
};

export type ResolvedSettings = {
  language: string;
  dir: 'ltr' | 'rtl';
  accentColor: string | null;
  showPhoto: boolean;
};

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const RIGHT_TO_LEFT = new Set(['he', 'iw', 'ar', 'fa', 'ur', 'yi']);

export function resolveSettings(settings: TemplateSettings = {}): ResolvedSettings {
  const language = settings.language && LANGUAGE_TAG.test(settings.language) ? settings.language : 'en';
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return {
    language,
    dir: RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr',
    accentColor: isHexColor(settings.accentColor) ? settings.accentColor.toLowerCase() : null,
    showPhoto: settings.showPhoto ?? true,
  };
}
