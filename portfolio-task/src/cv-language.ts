import { cvFacts, emptyCv, SECTION_KEYS, type Cv } from '@r2w/cv-schema';
import { franc } from 'franc';
import type { SiteLanguage } from './templates/i18n';

// Read by the API (franc and its trigram tables are a third of a megabyte), never by the
// renderer: the builder and the SPA's preview are given the language it found.
// franc names languages by ISO 639-3, sites by their 639-1 tag; only the site languages are
// candidates, so a CV is read as the nearest language its site can be in.
const SITE_LANGUAGE_OF = { eng: 'en', spa: 'es', fra: 'fr', deu: 'de', heb: 'he', arb: 'ar' } as const satisfies Record<string, SiteLanguage>;
const CANDIDATES = Object.keys(SITE_LANGUAGE_OF);

// Addresses and handles are in no language, and would read as English.
const ADDRESS = /(?:url|email|phone|doi|username)$/i;
const DEFAULT_TITLES = emptyCv();

/** The CV's own text for reading its language: its headings first, then every stated value. */
function cvText(cv: Cv): string {
  const headings = SECTION_KEYS.flatMap((key) => {
    const section = cv[key];
    const title = 'sectionTitle' in section ? section.sectionTitle.trim() : '';
    const fallback = DEFAULT_TITLES[key];
    return title && 'sectionTitle' in fallback && title !== fallback.sectionTitle ? [title] : [];
  });
  const values = cvFacts(cv).flatMap(({ path, value }) => (typeof value === 'string' && !ADDRESS.test(path) ? [value] : []));
  return [...headings, ...values].join('\n');
}

/** The language the CV is written in, among those a site can be in; null when its text is too short to tell. */
export function cvLanguage(cv: Cv): SiteLanguage | null {
  const code = franc(cvText(cv), { only: CANDIDATES });
  return code in SITE_LANGUAGE_OF ? SITE_LANGUAGE_OF[code as keyof typeof SITE_LANGUAGE_OF] : null;
}
