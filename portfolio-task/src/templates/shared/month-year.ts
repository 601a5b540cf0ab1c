import { SITE_LANGUAGES } from '../i18n';

// A month and year as a language writes them ("Jan 2020", "janv. 2020", "ינו׳ 2020").
//
// The first Intl.DateTimeFormat a process makes costs it about 13 ms of ICU loading, more
// than rendering a whole site, and the builder's start-up snapshot cannot keep an Intl
// object. So each site language's wording is read from Intl once into plain data (the text
// around the year for each month, and the language's digits), which the builder's warm-up
// does before the snapshot is written. A language whose wording the data cannot reproduce
// (another calendar's years, say) and any other language are formatted by Intl itself.

const YEAR = '\u0000';
const CHECK_YEARS = [1987, 2024];

interface Wording {
  /** Per month, the text before and after the year. */
  readonly months: readonly (readonly [string, string])[];
  /** The language's digits, 0 to 9. */
  readonly digits: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const wordings = new Map<string, Wording | null>();

function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
}

const withWording = (wording: Wording, year: number, month: number) => {
  const [before, after] = wording.months[month - 1]!;
  return before + String(year).replace(/\d/g, (digit) => wording.digits[Number(digit)]!) + after;
};

// A local formatter, not the cache's: the warm-up runs this while the snapshot is being made.
function readWording(language: string): Wording | null {
  const formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const digits = new Intl.NumberFormat(language, { useGrouping: false }).format(1234567890);
  const wording: Wording = {
    digits: digits.length === 10 ? digits.slice(-1) + digits.slice(0, -1) : '0123456789',
    months: Array.from({ length: 12 }, (_, index) => {
      const text = formatter
        .formatToParts(Date.UTC(2001, index, 1))
        .map((part) => (part.type === 'year' ? YEAR : part.value))
        .join('');
      const [before = '', after = ''] = text.split(YEAR);
      return [before, after] as const;
    }),
  };
  const agrees = CHECK_YEARS.every((year) => wording.months.every((_, index) => withWording(wording, year, index + 1) === formatter.format(Date.UTC(year, index, 1))));
  return agrees ? wording : null;
}

function wordingFor(language: string): Wording | null {
  if (!(SITE_LANGUAGES as readonly string[]).includes(language)) return null;
  if (!wordings.has(language)) wordings.set(language, readWording(language));
  return wordings.get(language) ?? null;
}

/** "Jan 2020" in the language; `month` counts from 1. */
export function formatMonthYear(year: number, month: number, language: string): string {
  const wording = wordingFor(language);
  return wording ? withWording(wording, year, month) : formatterFor(language).format(Date.UTC(year, month - 1, 1));
}

/** Reads every site language's wording now (the builder's start-up snapshot keeps it). */
export function loadMonthYearWordings(): void {
  for (const language of SITE_LANGUAGES) wordingFor(language);
}
