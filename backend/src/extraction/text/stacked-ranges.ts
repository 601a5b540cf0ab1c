import type { PdfTextItem } from './pdf-layout';

// A date range set in a narrow column, one part under the other ("April 2016" over
// "— Present"; "January 2010" over "—" over "March 2016"; "2017 –" over "2018"), is one
// range: its parts join the row of its first part, so that the range reads as one line
// beside the entry it dates and the dash alone is never a line of its own. So does a date
// under the label that names it ("Awarded on:" over "Nov 01, 2014").

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

/** The row's items in pieces set more than PIECE_GAP ems apart, left to right. */
function pieces(row: StackRow): PdfTextItem[][] {
  const found: PdfTextItem[][] = [];
  for (const item of [...row.items].sort((a, b) => a.x - b.x)) {
    const last = found.at(-1);
    if (last && item.x - right(last) <= PIECE_GAP * item.fontSize) last.push(item);
    else found.push([item]);
  }
  return found;
}

/**
 * How the lower part continues the upper, when it does: with a space, the parts of one
 * range (a dash between them, a year above) or a label ("Awarded on:") and its date; as a
 * cell of its own, a word or two alone on their row a little under a date: how long the job
 * lasted ("2 years", "a year"). `gap` is the space between the parts in ems; `underDate`
 * tells that the lower part stands under the year itself, not under words set near it (a
 * table cell's wrapped name beside its dates).
 */
function joiner(upper: string, lower: string, gap: number, alone: boolean, standsOut: boolean, underDate: boolean): ' ' | '\t' | null {
  if (gap <= STACK_GAP && words(upper) <= MAX_WORDS && words(lower) <= MAX_WORDS) {
    if (LABEL.test(upper) && /\d{2}/u.test(lower)) return ' ';
    if (words(lower) < MAX_WORDS && /\d{2}/u.test(upper) && (OPENS_RANGE.test(upper) || CLOSES_RANGE.test(lower))) return ' ';
  }
  // A date alone: an entry's head ("Uppsala University | 2002 – 2004") has pieces set apart by a separator, and the line under it is its place.
  const date = YEAR.test(upper) && words(upper) <= MAX_WORDS + 1 && !/[:\t|·•]/u.test(upper);
  return gap <= DURATION_GAP && alone && date && underDate && !standsOut && words(lower) <= 2 && !/\d{3}/u.test(lower) ? '\t' : null;
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
        const join =
          below &&
          joiner(
            textOf(upper),
            textOf(below.part),
            below.gap,
            alone,
            below.part.some((item) => standsOut(item, upper)),
            upper.some((item) => YEAR.test(item.text) && overlaps([item], below.part)),
          );
        if (!below || !join) break;
        baseline = Math.max(...below.part.map((item) => item.baseline));
        const x = Math.min(left(upper), left(below.part));
        const joined: PdfTextItem = { ...upper[0]!, text: `${textOf(upper)}${join}${textOf(below.part)}`, x, width: Math.max(right(upper), right(below.part)) - x };
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
