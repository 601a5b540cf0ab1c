// Country names and ISO 3166-1 alpha-2 codes through the names every runtime already carries
// (Intl.DisplayNames, from CLDR), so no list of names is kept here to fall out of date.

// The languages whose names are recognised: the sites' languages and the extractor's, plus
// other widely written ones. A name in the CV's own language is found without being told it.
const NAME_LANGUAGES = ['en', 'es', 'fr', 'de', 'he', 'ar', 'pt', 'it', 'nl', 'ru', 'zh', 'ja', 'ko', 'pl', 'tr', 'sv'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// ISO 3166 leaves AA, QM-QZ, XA-XZ and ZZ to private use; CLDR names a few (Pseudo-Accents,
// Unknown Region) that are not places. Kosovo's XK is the exception everyone uses.
const PRIVATE_USE = /^(?:AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/;

// Case, accents, dots and "the" do not change which country a name means: "U.S.", "the Netherlands".
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/^the\s+/, '')
    .replace(/[\s\-‐-―&,()]+/g, ' ')
    .trim();
}

const CODES = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));

// A language's region names, read from CLDR once into a plain map, for the languages above
// (a bounded set: any other is asked of Intl each time). Plain maps because the builder's
// start-up snapshot cannot keep an Intl object but keeps these: its warm-up fills them, so a
// build never loads CLDR's names, which cost it more than rendering the whole site.
const regionNames = new Map<string, Map<string, string>>();

function regionNamesIn(language: string): Map<string, string> | null {
  if (!NAME_LANGUAGES.includes(language)) return null;
  let names = regionNames.get(language);
  if (!names) {
    const namer = new Intl.DisplayNames(language, { type: 'region', fallback: 'none' });
    names = new Map(
      CODES.flatMap((code): [string, string][] => {
        const name = namer.of(code);
        return name ? [[code, name]] : [];
      }),
    );
    regionNames.set(language, names);
  }
  return names;
}

const englishName = (code: string) => regionNamesIn('en')?.get(code);

// Retired and alias codes (DD, UK, YU) name the country of their successor: the current code is
// the one a reader of the export needs.
function canonical(code: string): string | null {
  if (PRIVATE_USE.test(code) || !englishName(code)) return null;
  return Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4) ?? null;
}

// "Myanmar (Burma)": either name alone is the country too.
const spellings = (name: string) => [name, ...(/^(.+?)\s*\((.+)\)$/.exec(name)?.slice(1) ?? [])];

let codesByName: Map<string, string> | undefined;

function namesToCodes(): Map<string, string> {
  if (codesByName) return codesByName;
  const found = new Map<string, string>();
  const codes = CODES.filter((code) => canonical(code) === code);
  // The first language to claim a name keeps it: English before the others.
  for (const language of NAME_LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const namer = new Intl.DisplayNames(language, { type: 'region', style, fallback: 'none' });
      for (const code of codes) {
        for (const name of spellings(namer.of(code) ?? '')) if (name && !found.has(fold(name))) found.set(fold(name), code);
      }
    }
  }
  codesByName = found;
  return found;
}

/** The ISO 3166-1 alpha-2 code of a country written as a code ("us") or a name in a known language ("Deutschland"); null otherwise. */
export function countryCode(written: string): string | null {
  const text = written.trim();
  if (/^[a-z]{2}$/i.test(text)) return canonical(text.toUpperCase());
  return namesToCodes().get(fold(text)) ?? null;
}

/** The name of the country with this ISO code in a language ("IL", "he" → "ישראל"); null when the value is not a code. */
export function countryName(code: string, language: string): string | null {
  const text = code.trim();
  if (!/^[A-Z]{2}$/.test(text) || !canonical(text)) return null;
  const known = regionNamesIn(language);
  if (known) return known.get(text) ?? null;
  try {
    return new Intl.DisplayNames(language, { type: 'region', fallback: 'none' }).of(text) ?? null;
  } catch {
    // A language tag Intl cannot read: the name in English rather than none.
    return englishName(text) ?? null;
  }
}

/** Reads the region names of every listed language now (the builder's start-up snapshot keeps them). */
export function loadCountryNames(): void {
  for (const language of NAME_LANGUAGES) regionNamesIn(language);
}
