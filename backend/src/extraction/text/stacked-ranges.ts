import { parseDateRange } from '@r2w/cv-schema';
import type { PdfTextItem } from './pdf-layout';

// A date range set in a narrow column, one part under the other ("April 2016" over
// "— Present"; "January 2010" over "—" over "March 2016"; "2017 –" over "2018"), is one
// range: its parts join the row of its first part, so that the range reads as one line
// beside the entry it dates and the dash alone is never a line of its own. So does a date
// under the label that names it ("Awarded on:" over "Nov 01, 2014"). So does a range that
// its column wraps after the dash, its end cut short ("Jan 2010 – Mar" over "2016", "09/2018 –
// bis" over "heute", "sept. 2020 – au-" over "jourd'hui").

interface StackRow {
  baseline: number;
  items: PdfTextItem[];
}

// A dash that opens or closes a range: alone, or set apart from the words beside it by a
// space ("— Present", "2017 –"); a hyphen inside a word ("private-") is no range's dash.
const DASH = String.raw`[-‐‑‒–—―−~]`;
const OPENS_RANGE = new RegExp(String.raw`(?:^|\s)${DASH}$`, 'u');
const CLOSES_RANGE = new RegExp(String.raw`^${DASH}(?:\s|$)`, 'u');
// A year, not the last group of a phone number.
const YEAR = /(?<!\d\s?)(?:19|20)\d{2}(?!\d)/u;
// A label that names the date under it.
const LABEL = /\p{L}:$/u;
// A part of a range is short: a date ("January 2010"), a dash, "— Present".
const MAX_WORDS = 3;
// Parts one under the other: the lower's top within this share of an em below the upper's baseline.
const STACK_GAP = 1;
// How long a job lasted may stand a little farther under its dates.
const DURATION_GAP = 1.5;
// Pieces of a row farther apart than this many ems are separate pieces (a title and its date).
const PIECE_GAP = 1;
// ...but the words of a range's start in a narrow justified column ("Jul", "2021", "–") stand
// up to this many ems apart.
const JUSTIFIED_GAP = 3;
// The opening of a range, its end cut short or not written: "Jul 2021 –", "Jan 2010 – Mar", "09/2018 – bis".
const RANGE_HEAD = new RegExp(String.raw`^(?:\p{L}{3,9}\.?\s)?(?:\d{1,2}[./])?(?:19|20)\d{2}\s${DASH}(?:\s[\p{L}.'’-]+)?$`, 'u');
const SPACED_DASH = new RegExp(String.raw`(?:^|\s)${DASH}(?:\s|$)`, 'u');
// A range's end that reads as a date: "2016", "2016-03".
const DATED_END = /^\d{4}/u;

const textOf = (items: readonly PdfTextItem[]): string =>
  items
    .map((item) => item.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
const right = (items: readonly PdfTextItem[]): number => items.reduce((edge, item) => Math.max(edge, item.x + item.width), -Infinity);
const left = (items: readonly PdfTextItem[]): number => items.reduce((edge, item) => Math.min(edge, item.x), Infinity);
const overlaps = (a: readonly PdfTextItem[], b: readonly PdfTextItem[]): boolean => left(a) < right(b) && left(b) < right(a);
const words = (text: string): number => text.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * The row's items in pieces set more than PIECE_GAP ems apart, left to right; the words of a
 * range's opening stretched apart by justification are one piece.
 */
function pieces(row: StackRow): PdfTextItem[][] {
  const found: PdfTextItem[][] = [];
  for (const item of [...row.items].sort((a, b) => a.x - b.x)) {
    const last = found.at(-1);
    if (last && item.x - right(last) <= PIECE_GAP * item.fontSize) last.push(item);
    else found.push([item]);
  }
  for (let start = 0; start < found.length; start += 1) {
    for (let end = Math.min(found.length, start + 4); end > start + 1; end -= 1) {
      const run = found.slice(start, end);
      const close = run.slice(1).every((piece, index) => left(piece) - right(run[index]!) <= JUSTIFIED_GAP * piece[0]!.fontSize);
      // The dash stands in the run's last piece: a title set beside "2015 –" is no end of it.
      if (close && SPACED_DASH.test(textOf(run.at(-1)!)) && RANGE_HEAD.test(textOf(run.flat()))) {
        found.splice(start, end - start, run.flat());
        break;
      }
    }
  }
  return found;
}

/**
 * The range `upper` opens, closed by `lower`, when `upper` alone has an end that is neither a
 * date nor "present" and the two together have one: a word the column hyphenated is joined
 * whole ("au-" and "jourd'hui").
 */
function closedRange(upper: string, lower: string): string | null {
  const cut = parseDateRange(upper);
  if (!cut?.start || cut.isCurrent || cut.end === null || DATED_END.test(cut.end)) return null;
  const joined = /\p{L}-$/u.test(upper) ? `${upper.slice(0, -1)}${lower}` : `${upper} ${lower}`;
  const whole = parseDateRange(joined);
  return whole?.start === cut.start && (whole.isCurrent || (whole.end !== null && DATED_END.test(whole.end))) ? joined : null;
}

/**
 * The upper and lower parts as one, when the lower continues the upper: with a space, the
 * parts of one range (a dash between them, a year above; an end cut short and its rest) or a
 * label ("Awarded on:") and its date; as a cell of its own, a word or two alone on their row
 * a little under a date: how long the job lasted ("2 years", "a year"). `gap` is the space
 * between the parts in ems; `underDate` tells that the lower part stands under the year
 * itself, not under words set near it (a table cell's wrapped name beside its dates).
 */
function stackedText(upper: string, lower: string, gap: number, alone: boolean, standsOut: boolean, underDate: boolean): string | null {
  if (gap <= STACK_GAP && words(upper) <= MAX_WORDS + 1 && words(lower) < MAX_WORDS) {
    const range = closedRange(upper, lower);
    if (range !== null) return range;
  }
  if (gap <= STACK_GAP && words(upper) <= MAX_WORDS && words(lower) <= MAX_WORDS) {
    if (LABEL.test(upper) && /\d{2}/u.test(lower)) return `${upper} ${lower}`;
    if (words(lower) < MAX_WORDS && /\d{2}/u.test(upper) && (OPENS_RANGE.test(upper) || CLOSES_RANGE.test(lower))) return `${upper} ${lower}`;
  }
  // A date alone: an entry's head ("Uppsala University | 2002 – 2004") has pieces set apart by a separator, and the line under it is its place.
  const date = YEAR.test(upper) && words(upper) <= MAX_WORDS + 1 && !/[:\t|·•]/u.test(upper);
  return gap <= DURATION_GAP && alone && date && underDate && !standsOut && words(lower) <= 2 && !/\d{3}/u.test(lower) ? `${upper}\t${lower}` : null;
}

// Set larger or bolder than the date above it: a heading, not how long the job lasted.
const standsOut = (item: PdfTextItem, upper: readonly PdfTextItem[]): boolean => upper.every((date) => item.fontSize > date.fontSize * 1.05 || (item.bold && !date.bold));

/**
 * Joins, in place, each date range stacked over several rows into the row of its first part
 * (rows may be left empty). A part is alone on its row when the rest of the row stands on the
 * other side of the page's gutter, if it has one.
 */
export function joinStackedRanges(rows: readonly StackRow[], gutter: number | null): void {
  const side = (item: PdfTextItem) => gutter !== null && item.x + item.width / 2 >= gutter;
  rows.forEach((row, index) => {
    for (let upper of pieces(row)) {
      // The baseline of the range's lowest part so far, under which the next part stands.
      let baseline = Math.max(...upper.map((item) => item.baseline));
      for (;;) {
        const below = partBelow(rows, index, upper, baseline);
        const alone = below?.row.items.every((item) => below.part.includes(item) || side(item) !== side(below.part[0]!)) ?? false;
        const text =
          below &&
          stackedText(
            textOf(upper),
            textOf(below.part),
            below.gap,
            alone,
            below.part.some((item) => standsOut(item, upper)),
            upper.some((item) => YEAR.test(item.text) && overlaps([item], below.part)),
          );
        if (!below || !text) break;
        baseline = Math.max(...below.part.map((item) => item.baseline));
        const x = Math.min(left(upper), left(below.part));
        const joined: PdfTextItem = { ...upper[0]!, text, x, width: Math.max(right(upper), right(below.part)) - x };
        row.items = [...row.items.filter((item) => !upper.includes(item)), joined];
        below.row.items = below.row.items.filter((item) => !below.part.includes(item));
        upper = [joined];
      }
    }
    row.items.sort((a, b) => a.x - b.x);
  });
}

/** The nearest piece of a following row set under `upper` and overlapping it, with the gap between them in ems. */
function partBelow(rows: readonly StackRow[], index: number, upper: readonly PdfTextItem[], baseline: number): { row: StackRow; part: PdfTextItem[]; gap: number } | null {
  const fontSize = upper[0]!.fontSize;
  for (const row of rows.slice(index + 1)) {
    if (row.baseline - baseline > (DURATION_GAP + 1.5) * fontSize) break;
    for (const part of pieces(row)) {
      const top = Math.min(...part.map((item) => item.top));
      if (overlaps(part, upper) && top > baseline - fontSize / 2) return { row, part, gap: (top - baseline) / fontSize };
    }
  }
  return null;
}
