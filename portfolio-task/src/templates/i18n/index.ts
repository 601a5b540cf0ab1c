import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { he } from './he';
import type { Labels } from './labels';

export type { Labels } from './labels';

// The languages the extractor reads dates in, plus Arabic for right-to-left sites.
const LABELS: Readonly<Record<string, Labels>> = { en, es, fr, de, he, ar };

/** Labels for a BCP 47 tag ("pt-BR" → its primary language), English when there are none. */
export function labelsFor(language: string): Labels {
  return LABELS[language.split('-')[0]?.toLowerCase() ?? ''] ?? en;
}
