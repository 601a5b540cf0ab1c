import { CJK_CURRENT_WORDS, CURRENT_WORDS, parseDate, parseDateRange, type ParsedDateRange } from '@r2w/cv-schema';
import { DASHES, tidy } from './text';

// Finds the dates a CV line carries ("Senior Engineer, Acme   Jan 2019 – Present") and
// cuts them out, so what is left can be read as titles and names. Reading the dates
// themselves is @r2w/cv-schema's job; this module only finds where they are.

export interface Span {
  start: number;
  end: number;
}

export interface FoundRange extends Span {
  range: ParsedDateRange;
}

export interface FoundDate extends Span {
  text: string;
  date: string;
}

// Scripts written without spaces between words: a year may touch their letters ("于2019年").
const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;

// A year stands alone: not inside a longer number or an amount, nor a phone's last group
// ("312 555 2020", "555-2020"); after one number it may ("40 Under 40 2008", "2018 2020").
// A month may follow it after a dot ("2018.04", as Chinese and Korean CVs write dates).
const YEAR = new RegExp(
  String.raw`(?<![\p{N}$€£]|(?![${UNSPACED}])\p{L}|\d[\s.${DASHES}]\d{1,3}\s|(?<!\d)\d{3}[${DASHES}])(?:19|20)\d{2}(?!(?![${UNSPACED}])[\p{L}\p{N}]|,\d|\.\d{3})|(?<![\p{L}\p{N}])['’]\d{2}(?!\p{N})`,
  'gu',
);

// What may stand before a year inside the same date: a numeric day/month ("03/", "15.03."),
// a month word ("Sept. ", "enero de ", "15 March ", "1er janvier ", "בינואר "), or up to
// three words that the schema reads as part of the date ("Summer ", "Winter semester ",
// "Q3 "). The longest that reads as a date wins, so "Fall 2013" is never cut to "2013".
const BEFORE_YEAR = [
  /(?:\d{1,2}[./-]){1,2}$/u,
  /\d{1,2}(?:st|nd|rd|th|er|\.)?\s+\p{L}{3,}\.?,?\s+(?:(?:de|of|del)\s+)?$/u,
  /\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$/u,
  /\p{L}{3,}\.?,?\s*(?:(?:de|of|del)\s+)?$/u,
  /\p{L}{3,}\.?\s*[/-]\s*$/u,
  /(?<![\p{L}\p{N}'’])(?:[\p{L}\p{N}'’]+\.?\s+){1,3}$/u,
  /(?<![\p{L}\p{N}'’])(?:[\p{L}\p{N}'’]+\.?\s+){1,2}$/u,
  /(?<![\p{L}\p{N}'’])[\p{L}\p{N}'’]+\.?\s+$/u,
];
// Words a date may hold but a title never loses to it: "Promoted in May 2019" keeps its "in".
const LEADING_FILLER = /^(?:in|im|en|of|de|del|the|le|el)\s/iu;
// ISO order: "2019-03", "2019/03/15"; CJK order: "2019年3月"; a quarter after the year: "2021 H2".
const AFTER_YEAR = [/^[./-]\d{1,2}(?:[./-]\d{1,2})?(?!\d)/u, /^\s*[年년]\s*(?:\d{1,2}\s*[月월](?:\s*\d{1,2}\s*[日号일])?)?/u, /^\s+(?:[QH][1-4]|[1-4][QH])(?![\p{L}\p{N}])/iu];

const CONNECTOR = String.raw`\s*(?:[${DASHES}~→～至到]+|->)\s*|\s+(?:to|until|till|through|thru|bis|hasta(?: la)?|a(?: la)?|al|au|à|jusqu['’](?:à|au)?|fino a|até|עד|ועד|إلى|الى|حتى)\s+`;
const BETWEEN = new RegExp(`^(?:${CONNECTOR})$`, 'iu');
// "– Present", "to date", "– bis heute", "- a la fecha", "至今".
const TO_CURRENT = new RegExp(
  `^(?:(?:${CONNECTOR})(?:(?:bis|hasta|to|until|jusqu['’]à|עד|حتى)\\s+)?(?:${CURRENT_WORDS})(?![\\p{L}\\p{N}])|\\s*(?:[${DASHES}]\\s*)?(?:${CJK_CURRENT_WORDS}))\\.?`,
  'iu',
);
const TWO_DIGIT_END = new RegExp(`^(?:${CONNECTOR})\\d{2}(?![\\p{L}\\p{N}])`, 'iu');
// The second year of an academic year: "2019/20", "2019/2020" (the schema checks they follow each other).
const ACADEMIC_END = /^\s*\/\s*(?:\d{4}|\d{2})(?!\p{N})/u;
// "2019 –" ending the text: a range whose end is not written (the job goes on).
const OPEN_END = new RegExp(String.raw`^\s*[${DASHES}]+\s*$`, 'u');
// "since 2021", "seit 2020", "desde 2019", "depuis 2018", "מאז 2020"; "from"/"de"/"von" only open a range.
const SINCE = /(?:^|(?<=[\s(]))(?:since|seit|desde|depuis|מאז)\s+$/iu;
const FROM = /(?:^|(?<=[\s(]))(?:from|de|du|von)\s+$/iu;
// Right-to-left text copied from a PDF may come in visual order: "היום – 2018".
const CURRENT_FIRST = new RegExp(`(?:^|(?<=\\s))(?:${CURRENT_WORDS})(?:${CONNECTOR})$`, 'iu');

/** Every single date in the text, left to right, each as wide as it reads as a date. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  // Where the cell of the year being read starts, kept as the years go left to right: looking
  // back from each year would scan a long line without tabs once per year.
  let cellStart = 0;
  let nextTab = text.indexOf('\t');
  for (const year of text.matchAll(YEAR)) {
    const yearStart = year.index;
    if (yearStart < (found.at(-1)?.end ?? 0)) continue;
    let end = yearStart + year[0].length;
    for (const pattern of AFTER_YEAR) {
      const after = pattern.exec(text.slice(end));
      if (after && parseDate(text.slice(yearStart, end + after[0].length))) {
        end += after[0].length;
        break;
      }
    }
    let start = yearStart;
    // A date never spans two cells: "Punkte: 1,7⇥Okt. 2012" is a grade beside a month.
    for (; nextTab !== -1 && nextTab < yearStart; nextTab = text.indexOf('\t', nextTab + 1)) cellStart = nextTab + 1;
    const before = text.slice(Math.max(found.at(-1)?.end ?? 0, yearStart - 30, cellStart), yearStart);
    for (const pattern of BEFORE_YEAR) {
      const match = pattern.exec(before);
      const from = yearStart - (match?.[0].length ?? 0);
      if (match && from < start && !LEADING_FILLER.test(match[0]) && parseDate(text.slice(from, end))) start = from;
    }
    const written = text.slice(start, end).trim();
    const date = parseDate(written);
    // A bare "'19" only counts when a month or season is written with it.
    if (!date || (year[0].length === 3 && start === yearStart)) continue;
    found.push({ start, end, text: written, date });
  }
  return found;
}

/** Every date range in the text, left to right (a single date or "since X" also counts). */
export function findDateRanges(text: string): FoundRange[] {
  const dates = findDates(text);
  const ranges: FoundRange[] = [];
  for (let index = 0; index < dates.length; index += 1) {
    const first = dates[index]!;
    let start = first.start;
    let end = first.end;
    const next = dates[index + 1];
    const rest = text.slice(end);
    if (next && BETWEEN.test(text.slice(first.end, next.start))) {
      end = next.end;
      index += 1;
      // "2021 – 2018": right-to-left text that a PDF stored in visual order. The range reads
      // from the earlier date; its text is put back in reading order.
      if (next.date < first.date) {
        const logical = `${next.text}${text.slice(first.end, next.start)}${first.text}`;
        ranges.push({ start, end, range: parseDateRange(logical) });
        continue;
      }
    } else {
      const academic = ACADEMIC_END.exec(rest);
      if (academic && parseDateRange(text.slice(start, end + academic[0].length)).end !== null) {
        end += academic[0].length;
        // "2019/2020": the second year was found as a date of its own.
        if (next && next.start < end) index += 1;
      } else end += (TO_CURRENT.exec(rest) ?? TWO_DIGIT_END.exec(rest) ?? OPEN_END.exec(rest))?.[0].length ?? 0;
    }

    const lead = text.slice(ranges.at(-1)?.end ?? 0, start);
    const since = SINCE.exec(lead);
    const from = end > first.end ? FROM.exec(lead) : null;
    const currentFirst = end === first.end ? CURRENT_FIRST.exec(lead) : null;
    start -= (since ?? from ?? currentFirst)?.[0].length ?? 0;

    const written = text.slice(start, end).replace(/[.,;]$/, '');
    ranges.push({ start, end: start + written.length, range: parseDateRange(written) });
  }
  return ranges;
}

export function findDateRange(text: string): FoundRange | null {
  return findDateRanges(text)[0] ?? null;
}

/** The text with every date range cut out, what stood on either side set apart by a space. */
export function withoutDates(text: string): string {
  // Joined once: cutting the ranges out one by one copies the rest of the line each time.
  const pieces: string[] = [];
  let from = 0;
  for (const span of findDateRanges(text)) {
    pieces.push(text.slice(from, span.start));
    from = span.end;
  }
  pieces.push(text.slice(from));
  return pieces.join(' ');
}

/** What is left on either side of a span once it is cut out, tidied, empty sides left out. */
export function cut(text: string, span: Span): string[] {
  return [text.slice(0, span.start), text.slice(span.end)].map(tidy).filter((piece) => piece !== '');
}
