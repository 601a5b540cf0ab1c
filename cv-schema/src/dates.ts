import { z } from 'zod';
import { shortText } from './fields';

export const dateRangeSchema = z.strictObject({
  start: shortText,
  end: shortText,
  isCurrent: z.boolean().nullish(),
  text: shortText,
});
export type DateRange = z.infer<typeof dateRangeSchema>;

/** What parseDateRange returns: every part decided, null where the text has none. */
export type ParsedDateRange = { [Key in keyof DateRange]-?: Exclude<DateRange[Key], undefined> };

// English, Spanish, French, German, Hebrew; compared without accents and case, and a
// prefix of three letters or more is enough ("Sept.", "janv.", "Mär", "ספט׳").
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'enero', 'janvier', 'januar', 'janner', 'ינואר'],
  ['february', 'febrero', 'fevrier', 'februar', 'פברואר'],
  ['march', 'marzo', 'mars', 'marz', 'maerz', 'mrz', 'מרץ', 'מרס'],
  ['april', 'abril', 'avril', 'אפריל'],
  ['may', 'mayo', 'mai', 'מאי'],
  ['june', 'junio', 'juin', 'juni', 'יוני'],
  ['july', 'julio', 'juillet', 'juli', 'יולי'],
  ['august', 'agosto', 'aout', 'אוגוסט'],
  ['september', 'septiembre', 'setiembre', 'septembre', 'ספטמבר'],
  ['october', 'octubre', 'octobre', 'oktober', 'אוקטובר'],
  ['november', 'noviembre', 'novembre', 'נובמבר'],
  ['december', 'diciembre', 'decembre', 'dezember', 'דצמבר'],
];

// Words that sit between a day, a month and a year: "enero de 2020", "15th of May 2019", "im März 2020".
const FILLER_WORDS = new Set(['de', 'del', 'of', 'the', 'in', 'im', 'en', 'le', 'el']);

// Hebrew glues prepositions to the month: "בינואר" (in January), "מינואר" (from January).
const HEBREW_PREFIXES = /^[בומל](?=[\u05d0-\u05ea]{3})/;

// Coarser than a month: seasons, semesters, quarters and halves ("Summer 2022", "Fall 2013",
// "Wintersemester 2019", "Q3 2020", "H1 2021"). Which month a season means differs by
// hemisphere and by school, so such a date is read as its year only: certain, never guessed.
const COARSE_WORDS = new Set([
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
  'semester',
  'term',
  'trimester',
  'quarter',
  'primavera',
  'verano',
  'otono',
  'invierno',
  'semestre',
  'cuatrimestre',
  'printemps',
  'ete',
  'automne',
  'hiver',
  'fruhling',
  'fruhjahr',
  'sommer',
  'herbst',
  'wintersemester',
  'sommersemester',
  'ws',
  'ss',
  'wise',
  'sose',
  'estate',
  'autunno',
  'inverno',
  'verao',
  'outono',
  'אביב',
  'קיץ',
  'סתיו',
  'חורף',
  'סמסטר',
]);
// "Q3", "3Q", "H1", "2H": a quarter or half of the year.
const QUARTER_OR_HALF = /(?<![\p{L}\p{N}])(?:q[1-4]|[1-4]q|h[12]|[12]h)(?![\p{L}\p{N}])/gu;

// Chinese, Japanese and Korean: "2019年3月", "2019年3月15日", "2019년 3월", "2019年".
const CJK_DATE = /^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日号일]\s*)?)?$/u;

const pad = (month: number) => String(month).padStart(2, '0');

function yearOf(value: number): number | null {
  return value >= 1900 && value <= 2100 ? value : null;
}

function monthOf(word: string): number | null {
  const found = new Set<number>();
  if (word.length >= 3) {
    MONTH_NAMES.forEach((names, index) => {
      if (names.some((name) => name.startsWith(word))) found.add(index + 1);
    });
  }
  // "jui" is both juin and juillet: an ambiguous abbreviation is not a month.
  if (found.size === 1) return [...found][0] ?? null;
  if (found.size === 0 && HEBREW_PREFIXES.test(word)) return monthOf(word.slice(1));
  return null;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´׳]/g, "'");
}

function numericDate(text: string): string | null {
  const yearOnly = /^(\d{4})$/.exec(text);
  if (yearOnly) return yearOf(Number(yearOnly[1])) === null ? null : text;

  const yearFirst = /^(\d{4})\s*([-/.])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?$/.exec(text);
  if (yearFirst) return yearMonth(Number(yearFirst[1]), Number(yearFirst[3]), yearFirst[4] === undefined ? null : Number(yearFirst[4]));

  const monthYear = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (monthYear) return yearMonth(Number(monthYear[2]), Number(monthYear[1]), null);

  const cjk = CJK_DATE.exec(text);
  if (cjk) return cjk[2] === undefined ? (yearOf(Number(cjk[1])) === null ? null : cjk[1]!) : yearMonth(Number(cjk[1]), Number(cjk[2]), cjk[3] === undefined ? null : Number(cjk[3]));

  const full = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(text);
  if (full) {
    const [first, second, year] = [Number(full[1]), Number(full[3]), Number(full[4])];
    // Dots are day-first everywhere (15.03.2019); with slashes or hyphens 03/04/2019 reads
    // differently in Europe and the US, so only an unambiguous pair is read.
    const dayFirst = full[2] === '.' || first > 12 || first === second;
    if (dayFirst) return yearMonth(year, second, first);
    if (second > 12) return yearMonth(year, first, second);
  }
  return null;
}

function yearMonth(year: number, month: number, day: number | null): string | null {
  const validDay = day === null || (day >= 1 && day <= 31);
  return yearOf(year) !== null && month >= 1 && month <= 12 && validDay ? `${year}-${pad(month)}` : null;
}

function wordDate(text: string): string | null {
  let coarse = false;
  const tokens = fold(text)
    .replace(QUARTER_OR_HALF, () => {
      coarse = true;
      return ' ';
    })
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    // French elision: "semestre d'automne", "l'été".
    .replace(/(?<!\p{L})[dl]'(?=\p{L})/gu, '')
    .split(/[\s.,/\-–—()]+/)
    .filter((token) => token && !FILLER_WORDS.has(token));
  let month: number | null = null;
  let year: number | null = null;
  let day: number | null = null;
  for (const token of tokens) {
    const fourDigits = /^\d{4}$/.test(token) ? yearOf(Number(token)) : null;
    const twoDigitYear = /^'(\d{2})$/.exec(token);
    const dayNumber = /^(\d{1,2})(?:st|nd|rd|th|er|e|o|º|°)?$/.exec(token);
    const monthNumber = /^\d/.test(token) ? null : monthOf(token.replace(/'+$/, ''));
    if (year === null && fourDigits !== null) year = fourDigits;
    // '19 is 2019 and '98 is 1998: a CV's dates are seldom fifty years either side of 2000.
    else if (year === null && twoDigitYear) year = Number(twoDigitYear[1]) + (Number(twoDigitYear[1]) < 50 ? 2000 : 1900);
    else if (COARSE_WORDS.has(token)) coarse = true;
    else if (month === null && monthNumber !== null) month = monthNumber;
    else if (day === null && dayNumber) day = Number(dayNumber[1]);
    else return null;
  }
  if (year !== null && month === null && day === null && coarse) return String(year);
  return year !== null && month !== null ? yearMonth(year, month, day) : null;
}

/** The date as `YYYY-MM` (or `YYYY` when only a year is given), or null when it is not a date this module can read. */
export function parseDate(text: string): string | null {
  const written = text.trim();
  if (!written) return null;
  return numericDate(written) ?? wordDate(written);
}

/** `YYYY-MM`, `YYYY`, or the text as written (trimmed) when it cannot be read. */
export function normalizeDate(text: string): string {
  return parseDate(text) ?? text.trim();
}

// "Present" as each language the parser reads writes it at a range's open end ("Jan 2020 –
// Present", "2019 – bis heute", "2021 – الآن"). Kept per language so that a language's gap shows.
const CURRENT_WORDS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: ['present', 'current', 'now', 'today', 'to date', 'ongoing'],
  es: ['actualidad', 'presente', 'actualmente', 'hoy', 'la fecha', 'en curso'],
  fr: ['présent', 'actuel', 'actuellement', "aujourd['’]hui", 'en cours', 'maintenant', 'ce jour'],
  de: ['heute', 'jetzt', 'aktuell', 'dato', 'laufend', 'derzeit'],
  it: ['oggi', 'presente', 'attuale', 'in corso'],
  pt: ['atual', 'atualmente', 'presente', 'hoje', 'o momento'],
  he: ['היום', 'הווה', 'כיום', 'עכשיו'],
  // "حتى الآن" (until now) reads through the connector "حتى"; "الان" is "الآن" typed without its madda.
  ar: ['الآن', 'الان', 'حاليًا', 'حالياً', 'حاليا', 'الحاضر', 'الوقت الحاضر', 'اليوم'],
};

/** Every language's "present" as a regular-expression alternation (case-insensitive, no anchors). */
export const CURRENT_WORDS = [...new Set(Object.values(CURRENT_WORDS_BY_LANGUAGE).flat())].join('|');
// Chinese, Japanese and Korean write "until now" without spaces: "2019年3月至今", "2020.01 – 现在";
// Japanese and Korean also close a range with "in post": "在職中", "재직중".
export const CJK_CURRENT_WORDS = String.raw`(?:[至到]\s*)?(?:今|现在|現在|目前)|迄今|在職中|在籍中|현재|재직\s*중`;
const CONNECTOR = String.raw`to|until|till|through|thru|bis|hasta(?: la)?|a(?: la)?|al|au|à|jusqu['’](?:a|à|au)|fino a|ad|até|עד|ועד|إلى|الى|حتى`;
const NOT_A_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const CURRENT_AT_END = new RegExp(String.raw`(?:${NOT_A_WORD_BEFORE}(?:(?:${CONNECTOR})\s+)?(?:${CURRENT_WORDS})|${CJK_CURRENT_WORDS})[.)]*$`, 'iu');
// Right-to-left text copied out of a PDF sometimes comes in visual order: "היום – 2018".
const CURRENT_AT_START = new RegExp(String.raw`^(?:${CURRENT_WORDS})(?![\p{L}\p{N}])`, 'iu');
const LEADING_WORD = /^(?:(since|seit|desde|depuis|מאז)|from|de|du|von)\s+|^מ-?(?=\d)/iu;
// Every dash Unicode has (\p{Pd}: hyphens, figure, en and em dashes, the horizontal bar, small
// and full-width forms), the minus sign, and the soft hyphen some PDF fonts put for "-".
const DASHES = String.raw`\p{Pd}\u2212\u00ad`;
// Hyphens also join the parts of one date ("2020-01"); the other dashes only separate.
const HYPHENS = String.raw`\-\u2010\u2011\u00ad\ufe63\uff0d`;
const SEPARATOR = new RegExp(String.raw`\s*(?:(?![${HYPHENS}])[${DASHES}]|[~→～至到]|->)\s*|\s+[${DASHES}]+\s+|\s+(?:${CONNECTOR})\s+`, 'iu');
const DANGLING = new RegExp(String.raw`^[\s${DASHES}~→～>,:]+|[\s${DASHES}~→～>,:]+$`, 'gu');

function datePart(text: string): string | null {
  const part = text.replace(DANGLING, '');
  return part ? normalizeDate(part) : null;
}

// "2015–17": the end year written with two digits takes the start's century.
function endPart(start: string | null, text: string): string | null {
  const twoDigits = /^\s*(\d{2})\s*$/.exec(text);
  const startYear = start === null ? null : /^(\d{4})/.exec(start);
  if (!twoDigits?.[1] || !startYear?.[1]) return datePart(text);
  const year = Number(startYear[1].slice(0, 2) + twoDigits[1]);
  return String(year < Number(startYear[1]) ? year + 100 : year);
}

// A hyphen is also part of ISO dates (2020-01), so it separates two dates only where both
// sides read as dates and the whole does not. A slash separates only the two years of an
// academic year ("2019/20", "WS 2019/2020"); elsewhere it is inside a date ("03/2019").
const JOINERS = new RegExp(String.raw`[${DASHES}/]`, 'gu');

function isNextYear(start: string, text: string): boolean {
  const digits = /^\s*(\d{2}|\d{4})\s*$/.exec(text)?.[1];
  if (!/^\d{4}$/.test(start) || digits === undefined) return false;
  const next = String(Number(start) + 1);
  return digits === (digits.length === 2 ? next.slice(2) : next);
}

function splitAtJoiner(text: string): [string, string] | null {
  if (parseDate(text)) return null;
  for (const joiner of text.matchAll(JOINERS)) {
    const left = text.slice(0, joiner.index);
    const right = text.slice(joiner.index + joiner[0].length);
    const start = parseDate(left);
    if (start === null) continue;
    if (joiner[0] === '/' ? isNextYear(start, right) : parseDate(right) !== null || /^\s*\d{2}\s*$/.test(right)) return [left, right];
  }
  return null;
}

function split(text: string): [string, string | null] {
  const separator = SEPARATOR.exec(text);
  if (separator) return [text.slice(0, separator.index), text.slice(separator.index + separator[0].length)];
  return splitAtJoiner(text) ?? [text, null];
}

/**
 * Splits a range as a CV writes it ("Jan 2020 – Present", "2018-2020", "since 2021",
 * "enero 2020 - actualidad", "2018 – היום") into normalised start and end; `text` keeps it as written.
 */
export function parseDateRange(text: string): ParsedDateRange {
  const written = text.trim();
  if (!written) return { start: null, end: null, isCurrent: false, text: null };
  const leading = LEADING_WORD.exec(written);
  const rest = leading ? written.slice(leading[0].length) : written;

  const currentAtEnd = CURRENT_AT_END.exec(rest);
  const currentAtStart = CURRENT_AT_START.exec(rest);
  if (currentAtEnd || currentAtStart) {
    const start = currentAtEnd ? rest.slice(0, currentAtEnd.index) : rest.slice(currentAtStart?.[0].length);
    return { start: datePart(start), end: null, isCurrent: true, text: written };
  }

  const [left, right] = split(rest);
  const start = datePart(left);
  const end = right === null ? null : endPart(start, right);
  // "since 2021" and "seit 2021" name no end because there is none yet.
  const isCurrent = Boolean(leading?.[1]) && end === null;
  return { start, end, isCurrent, text: written };
}
