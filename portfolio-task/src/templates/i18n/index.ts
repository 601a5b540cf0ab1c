import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { he } from './he';
import type { Labels } from './labels';

export type { Labels, TitledSectionKey } from './labels';

// The languages the extractor reads dates in, plus Arabic for right-to-left sites.
const LABELS = { en, es, fr, de, he, ar } as const satisfies Record<string, Labels>;

export type SiteLanguage = keyof typeof LABELS;

/** The languages a site can be in: every word a template adds exists in each. */
export const SITE_LANGUAGES = Object.keys(LABELS) as SiteLanguage[];

export function isSiteLanguage(value: string): value is SiteLanguage {
  return Object.hasOwn(LABELS, value);
}

/** Labels for a BCP 47 tag ("pt-BR" → its primary language), English when there are none. */
export function labelsFor(language: string): Labels {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return isSiteLanguage(primary) ? LABELS[primary] : en;
}
