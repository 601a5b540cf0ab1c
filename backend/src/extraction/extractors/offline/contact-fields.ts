import { countryCode, parseDateRange, type Contact, type ProfessionalLink } from '@r2w/cv-schema';
import { organisationEvidence, roleEvidence } from './roles';
import { DASHES, fold, tidy } from './text';

type Location = NonNullable<Contact['location']>;

// Recognisers for contact facts wherever they appear (the header, a sidebar, a reference).

export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const EMAILS = new RegExp(EMAIL.source, 'gu');

/** The first email address in the text, or null. */
export function findEmail(text: string): RegExpExecArray | null {
  return text.includes('@') ? EMAIL.exec(text) : null;
}

// Phone numbers as CVs write them: "+1 (415) 555-0132", "+44 20 7946 0958", "06 12 34 56 78",
// "+972-54-123-4567", "030 1234567", "+49 (0)30 123-456". Seven to fifteen digits, grouped by
// spaces, dots, slashes or any dash (a PDF may give a hyphen as U+2010, U+2011 or a soft hyphen).
const PHONE = new RegExp(String.raw`(?:\+|00)?\(?\d[\d\s()./${DASHES}]{5,}\d`, 'u');
const GROUPED = new RegExp(String.raw`\d[\s./${DASHES}]\d`, 'u');
const READ_DATE = /^\d{4}(?:-\d{2})?$/;

/** "2013-12-01", "01.03.2018", "2018 - 2020", "03/2017 – 12/2019": dates the schema reads whole. */
function isDates(text: string): boolean {
  const range = parseDateRange(text);
  return range.start !== null && READ_DATE.test(range.start) && (range.end === null || READ_DATE.test(range.end));
}

export function findPhone(text: string): string | null {
  const match = PHONE.exec(text);
  if (!match) return null;
  const digits = match[0].replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const international = /^(?:\+|00|\()/.test(match[0]);
  // Without a country code, grouped digits still read as a phone; a date ("2013-12-01",
  // "01.03.2018") or a year range does not.
  const written = match[0].trim();
  const grouped = GROUPED.test(written) && !isDates(written);
  return international || grouped ? match[0].trim() : null;
}

// Top-level domains people use for their own sites; "Node.js" or "ASP.NET" are not addresses.
const TLD = 'com|org|net|io|dev|me|co|ai|app|tech|info|site|page|xyz|eu|de|fr|es|il|uk|ch|nl|it|ca|us|at|be|pt|se|no|dk|fi|pl|ie|mx|ar|cl|br|in|au|nz|jp|blog|design|codes|cloud|studio';
const URL = new RegExp(String.raw`(?:https?:\/\/)?(?:www\.)?(?:[\p{L}\p{N}-]+\.)+(?:${TLD})(?![\p{L}\p{N}])(?:\/[^\s,;|<>"“”]*)?|https?:\/\/[^\s,;|<>"“”]+`, 'iu');

/** The first web address in the text; a closing bracket or full stop after it is the sentence's. */
export function findUrl(text: string): string | null {
  if (!text.includes('.')) return null;
  const withoutEmails = text.includes('@') ? text.replace(EMAILS, (email) => ' '.repeat(email.length)) : text;
  let url = URL.exec(withoutEmails)?.[0];
  // "ASP.NET" is a framework: a bare domain is written in lower case.
  if (url === undefined || (!/^(?:https?:|www\.)/i.test(url) && /\.[A-Z]+(?:\/|$)/.test(url))) return null;
  url = url.replace(/[.,;:]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1);
  return url;
}

// The name a site goes by, as its address spells it, so that the name can be read off the address.
const PLATFORMS: [RegExp, string][] = [
  [/linkedin\./i, 'LinkedIn'],
  [/github\./i, 'GitHub'],
  [/gitlab\./i, 'GitLab'],
  [/bitbucket\./i, 'Bitbucket'],
  [/twitter\./i, 'Twitter'],
  [/stackoverflow\./i, 'StackOverflow'],
  [/medium\./i, 'Medium'],
  [/behance\./i, 'Behance'],
  [/dribbble\./i, 'Dribbble'],
  [/kaggle\./i, 'Kaggle'],
  [/orcid\./i, 'ORCID'],
  [/researchgate\./i, 'ResearchGate'],
  [/youtube\./i, 'YouTube'],
  [/instagram\./i, 'Instagram'],
  [/facebook\./i, 'Facebook'],
  [/xing\./i, 'XING'],
];

// Sites people name with a handle instead of an address: "Twitter: @jdoe", "SoundCloud: jdoe".
const HANDLE_PLATFORM =
  /^(?:linkedin|github|gitlab|twitter|x|mastodon|bluesky|instagram|soundcloud|medium|behance|dribbble|kaggle|stackoverflow|stack overflow|telegram|skype|youtube|tiktok|facebook|xing|orcid)$/i;
const HANDLE = /^@?[\p{L}\p{N}._-]{2,40}$/u;

/** A platform's name alone ("GitHub"), as a label over the profile's address. */
export const isPlatformName = (text: string): boolean => HANDLE_PLATFORM.test(text.trim());

/** "Twitter: neutralthoughts": a link known by its platform and username. */
export function handleLink(label: string, value: string): ProfessionalLink | null {
  return HANDLE_PLATFORM.test(label.trim()) && HANDLE.test(value) ? { platform: label.trim(), username: value } : null;
}

/** A professional link: the platform from its address, or from the label the CV gives it ("Portfolio: …"). */
export function linkOf(url: string, label: string | null): ProfessionalLink {
  const known = PLATFORMS.find(([host]) => host.test(url));
  if (known) return { platform: known[1], url };
  return label ? { platform: label, url } : { url };
}

// Countries and regions as CVs name them, in the five languages; the list decides when
// "Word, Word" is a place rather than "Title, Company".
const COUNTRIES = new Set(
  [
    'usa',
    'us',
    'u.s.',
    'u.s.a.',
    'united states',
    'uk',
    'u.k.',
    'united kingdom',
    'england',
    'scotland',
    'wales',
    'ireland',
    'canada',
    'mexico',
    'germany',
    'deutschland',
    'alemania',
    'allemagne',
    'france',
    'francia',
    'frankreich',
    'spain',
    'espana',
    'espagne',
    'spanien',
    'israel',
    'italy',
    'italia',
    'italien',
    'italie',
    'netherlands',
    'nederland',
    'the netherlands',
    'paises bajos',
    'pays-bas',
    'niederlande',
    'belgium',
    'belgique',
    'belgien',
    'belgica',
    'switzerland',
    'schweiz',
    'suisse',
    'suiza',
    'austria',
    'osterreich',
    'autriche',
    'portugal',
    'poland',
    'polska',
    'polen',
    'pologne',
    'sweden',
    'norway',
    'denmark',
    'finland',
    'argentina',
    'chile',
    'colombia',
    'peru',
    'brazil',
    'brasil',
    'uruguay',
    'venezuela',
    'ecuador',
    'bolivia',
    'paraguay',
    'costa rica',
    'india',
    'china',
    'japan',
    'singapore',
    'australia',
    'new zealand',
    'south africa',
    'greece',
    'turkey',
    'russia',
    'ukraine',
    'romania',
    'czech republic',
    'czechia',
    'hungary',
    'luxembourg',
    'luxemburg',
    'morocco',
    'maroc',
    'tunisia',
    'tunisie',
    'algerie',
    'egypt',
    'uae',
    'united arab emirates',
    'nigeria',
    'kenya',
    'south korea',
    'korea',
    'vietnam',
    'philippines',
    'indonesia',
    'estados unidos',
    'reino unido',
    'etats-unis',
    'royaume-uni',
    'vereinigte staaten',
    'grossbritannien',
    'großbritannien',
    'mexique',
    'canada',
    'quebec',
    'ישראל',
    'גרמניה',
    'צרפת',
    'ספרד',
    'ארצות הברית',
    'ארה"ב',
    'בריטניה',
    'איטליה',
    'הולנד',
    'קנדה',
  ].map(fold),
);

const US_STATES = new Set([
  'alabama',
  'alaska',
  'arizona',
  'arkansas',
  'california',
  'colorado',
  'connecticut',
  'delaware',
  'florida',
  'georgia',
  'hawaii',
  'idaho',
  'illinois',
  'indiana',
  'iowa',
  'kansas',
  'kentucky',
  'louisiana',
  'maine',
  'maryland',
  'massachusetts',
  'michigan',
  'minnesota',
  'mississippi',
  'missouri',
  'montana',
  'nebraska',
  'nevada',
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york',
  'north carolina',
  'north dakota',
  'ohio',
  'oklahoma',
  'oregon',
  'pennsylvania',
  'rhode island',
  'south carolina',
  'south dakota',
  'tennessee',
  'texas',
  'utah',
  'vermont',
  'virginia',
  'washington',
  'west virginia',
  'wisconsin',
  'wyoming',
  'ontario',
  'quebec',
  'british columbia',
  'alberta',
]);

// US states and Canadian provinces by their postal codes: "Austin, TX".
const REGION_CODE = /^(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|ON|QC|BC|AB|MB|NS|NB|NL|PE|SK)$/;

const PLACE_WORD = /^[\p{Lu}\u05d0-\u05ea][\p{L}'’.\- ]*$/u;
// Before a country, a place may also start with a letter of a script without capitals
// (Arabic, Chinese, Japanese: "عمّان, الأردن", "東京都渋谷区, 日本"); Arabic marks its vowels.
const PLACE_BEFORE_COUNTRY = /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\- ]*$/u;
// "75001", "00-950", "SW1A 1AA", and US "CA 94115".
const POSTAL_CODE = /^(?:\d{4,6}|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?)$/u;
// "75001 Paris", "10115 Berlin": a postal code written before the city.
const POSTAL_AND_CITY = /^(\d{4,6})\s+(\p{Lu}[\p{L}'’.\- ]*)$/u;

// Words that make a part a street address: "2712 Broadway St", "Calle Mayor 5", "12 rue de la Paix".
const STREET =
  /\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|lane|ln|drive|dr|way|court|ct|place|pl|square|calle|avenida|av|plaza|paseo|rue|bd|allee|chemin|strasse|straße|str|weg|platz|gasse|allee|via|viale|רחוב|רח')\.?(?=\s|$)/iu;

// Chinese and Japanese write a town without capitals or spaces: a few Han or kana characters
// ("杭州", "東京", "名古屋", "杭州市"). Longer runs are names of firms, schools or subjects.
const UNSPACED_TOWN = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{2,3}$/u;

const isPlace = (text: string) => (PLACE_WORD.test(text) && text.split(' ').length <= 4) || UNSPACED_TOWN.test(text);

/** A part of a written place before its country or region: never a role's or an organisation's name ("Graphic Designer, Lumen Packaging Co., Jersey"). */
function isTownOrRegion(part: string, beforeCountry: boolean): boolean {
  const named = isPlace(part) || (beforeCountry && PLACE_BEFORE_COUNTRY.test(part) && part.split(' ').length <= 4);
  return named && roleEvidence(part) === 0 && organisationEvidence(part) < 2;
}

// The usual English short forms ("USA", "UK", "England") and every country's name in the
// languages cv-schema knows ("Deutschland", "日本", "الأردن"). Two letters are a region
// code here ("Austin, TX"; "CA" is California as often as Canada), not a country.
const isCountry = (text: string) => COUNTRIES.has(fold(text)) || (!/^[A-Za-z]{2}$/.test(text.trim()) && countryCode(text) !== null);

/**
 * "City, Country", "City, ST", "City, ST, Country", "Street 1, 75001 Paris, France": the
 * location's parts as written, or null when the text is not a place. The last part must be
 * a known country or region code, so "Engineer, Acme" is never read as a place.
 */
export function parseLocation(text: string): Location | null {
  const parts = text.split(/\s*,\s*/).map(tidy);
  const last = parts.at(-1);
  if (parts.length < 2 || parts.length > 5 || parts.some((part) => !part) || last === undefined) return null;
  const location: Location = {};
  // "Hauptstraße 12, 10115 Berlin": a street, then postal code and town, no country.
  const postalTown = POSTAL_AND_CITY.exec(last);
  if (isCountry(last)) location.country = last;
  else if (REGION_CODE.test(last) || US_STATES.has(fold(last))) location.state = last;
  else if (postalTown?.[1] && postalTown[2] && parts.length === 2 && (STREET.test(parts[0]!) || /\d/.test(parts[0]!))) {
    return { address: parts[0], postalCode: postalTown[1], city: postalTown[2] };
  } else return null;
  const places: string[] = [];
  for (const part of parts.slice(0, -1)) {
    const postalAndCity = STREET.test(part) ? null : POSTAL_AND_CITY.exec(part);
    if (POSTAL_CODE.test(part)) location.postalCode = part;
    else if (postalAndCity?.[1] && postalAndCity[2]) {
      location.postalCode = postalAndCity[1];
      places.push(postalAndCity[2]);
    } else if (/\d/.test(part) && places.length === 0 && location.address === undefined) location.address = part;
    else if (isTownOrRegion(part, location.country !== undefined)) places.push(part);
    else return null;
  }
  const [city, state, ...more] = places;
  if (city === undefined || more.length > 0 || (state !== undefined && location.state !== undefined)) return null;
  location.city = city;
  if (state !== undefined) location.state = state;
  return location;
}

/** A place named alone, as after "Location:": "Berlin", "Tel Aviv". */
export function placeOnly(text: string): Location | null {
  if (isCountry(text)) return { country: text };
  // "Brooklyn NY", "ANN ARBOR MI": a sidebar drops the comma before the state's code.
  const [, town, code] = /^(.+) (\S+)$/u.exec(text) ?? [];
  if (town && code && REGION_CODE.test(code) && isPlace(town) && town.split(' ').length <= 3) return { city: town, state: code };
  const country = townBeforeCountry(text);
  if (country) return country;
  return isPlace(text) && text.split(' ').length <= 3 ? { city: text } : null;
}

/**
 * "Madrid España", "杭州 中国": a sidebar drops the comma between the town and its country too.
 * A state named whole ("New Jersey", "New Mexico") ends on a country's name without being one.
 */
function townBeforeCountry(text: string): Location | null {
  if (US_STATES.has(fold(text))) return null;
  const words = text.split(' ');
  for (let take = 1; take < words.length; take += 1) {
    const [town, country] = [words.slice(0, -take).join(' '), words.slice(-take).join(' ')];
    // "Atlanta Georgia": a state that shares a country's name, after a US town, is the state.
    if (isCountry(country) && isPlace(town) && town.split(' ').length <= 3) return US_STATES.has(fold(country)) ? { city: town, state: country } : { city: town, country };
  }
  return null;
}
