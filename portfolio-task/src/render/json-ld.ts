import type { Cv } from '@r2w/cv-schema';
import { mailtoHref, safeWebUrl } from '../templates';
import { currentPositions } from '../templates/sections';
import { visibleEntries } from '../templates/sections/visible';
import { clean, hasContent } from '../templates/shared/text';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** The value without null, undefined, empty strings, empty lists or empty objects, so the markup states only facts. */
function compact(value: Json): Json {
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, entry]) => [key, compact(entry)] as const)
      .filter(([, entry]) => entry !== undefined);
    return entries.some(([key]) => key !== '@type') ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

function organisations(type: string, items: readonly { name: string | null; url: string | null }[]): Json[] {
  const seen = new Set<string>();
  return items.flatMap(({ name, url }) => {
    if (!name || seen.has(name)) return [];
    seen.add(name);
    return [{ '@type': type, name, url }];
  });
}

/** schema.org `Person` for search engines: who the page is about, where they work and studied, their profiles. */
export function personJsonLd(cv: Cv, options: { siteUrl: string | null; image: string | null }): Json {
  const { hero, contact } = cv;
  const location = contact.location;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: clean(hero.fullName),
    jobTitle: clean(hero.professionalTitle),
    image: options.image,
    email: mailtoHref(contact.email),
    telephone: clean(contact.phone),
    url: options.siteUrl,
    sameAs: [...new Set((contact.professionalLinks ?? []).map((link) => safeWebUrl(link.url)).filter((url) => url !== null))],
    address: hasContent([location?.city, location?.state, location?.country])
      ? { '@type': 'PostalAddress', addressLocality: clean(location?.city), addressRegion: clean(location?.state), addressCountry: clean(location?.country) }
      : null,
    alumniOf: organisations(
      'EducationalOrganization',
      visibleEntries(cv, 'education').map((item) => ({ name: clean(item.institution), url: safeWebUrl(item.url) })),
    ),
    worksFor: organisations(
      'Organization',
      currentPositions(cv).map((item) => ({ name: clean(item.companyName), url: safeWebUrl(item.url) })),
    ),
  });
}

/**
 * JSON for inside `<script>`: "<" (and ">", "&", the JavaScript line separators) as
 * \u escapes, so no CV text can close the script element or open a comment in it.
 * JSON.parse reads the same strings back.
 */
export function scriptSafeJson(value: Json): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
