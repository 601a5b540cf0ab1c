import type { DocumentText, TextLine } from '../../text/document-text';
import { findEmail, findPhone, findUrl, parseLocation } from './contact-fields';
import { cut, findDateRanges } from './date-spans';
import { sectionOfHeading } from './heading-words';
import { DASHES, isAllCaps, labelled, letterCount, wordCount } from './text';
import { firstWord } from '../../text/unspaced-scripts';
import { opensQuotation } from './quotations';
import { breaksWord, HyphenBreaks } from './hyphen-breaks';

// The document's lines as the parsers read them: decoration gone, lines a PDF wrapped
// joined back into the sentence or bullet they belong to, and the body text's style
// measured, since "bigger", "bold" and "set apart" only mean something relative to it.

export interface Line extends TextLine {
  /** A rule of dashes or equals signs followed it: plain-text CVs underline headings so. */
  underlined: boolean;
}

export interface BodyStyle {
  fontSize: number;
  /** Most of the text is bold, so bold sets nothing apart. */
  bold: boolean;
  /** The usual distance between two lines. */
  lineGap: number;
  /**
   * The distance between two lines of one wrapped paragraph, when the document puts more
   * space between paragraphs and list items (null when it does not: then gaps tell nothing).
   */
  wrapGap: number | null;
  /**
   * The same, measured apart for the lines starting at each left edge (rounded) where it
   * can be: a list may set its lines farther apart than the paragraphs around it.
   */
  wrapGapAt: ReadonlyMap<number, number>;
}

const RULE = /^[\s\-=_~*#.·•─━═]{3,}$/u;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The style most of the text is set in, weighed by characters so one big name does not count. */
export function bodyStyle(lines: readonly TextLine[]): BodyStyle {
  const sizes = new Map<number, number>();
  let boldLetters = 0;
  let letters = 0;
  for (const line of lines) {
    const count = letterCount(line.text);
    const size = Math.round(line.fontSize * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + count);
    letters += count;
    if (line.bold) boldLetters += count;
  }
  const fontSize = [...sizes].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [11, -1])[0];
  const gaps = lines.filter((line) => line.gapBefore > 0 && Math.abs(line.fontSize - fontSize) < 1).map((line) => line.gapBefore);
  // A wrapped sentence keeps its font: only gaps between lines set alike measure the wrap
  // (an italic date line set tight over a bold title would pass for it).
  const sameStyleGaps = lines.filter((line, index) => line.gapBefore > 0 && Math.abs(line.fontSize - fontSize) < 1 && setAlike(lines[index - 1], line)).map((line) => line.gapBefore);
  const pairs = lines.filter((line, index) => line.gapBefore > 0 && Math.abs(line.fontSize - fontSize) < 1 && setAlike(lines[index - 1], line) && Math.abs(lines[index - 1]!.x - line.x) <= 1);
  const wrapGapAt = new Map<number, number>();
  for (const [edge, group] of groupBy(pairs, (line) => Math.round(line.x))) {
    const wrap = wrapGapOf(group.map((line) => line.gapBefore));
    if (wrap !== null) wrapGapAt.set(edge, wrap);
  }
  return { fontSize, bold: boldLetters > letters * 0.6, lineGap: median(gaps) || fontSize * 1.3, wrapGap: wrapGapOf(sameStyleGaps), wrapGapAt };
}

/** Set in the same type: size (within half a point), weight and slant. */
export const sameType = (a: TextLine, b: TextLine): boolean => Math.abs(a.fontSize - b.fontSize) < 0.5 && a.bold === b.bold && a.italic === b.italic;

const setAlike = (previous: TextLine | undefined, line: TextLine): boolean => previous !== undefined && previous.page === line.page && previous.column === line.column && sameType(previous, line);

const SAME_GAP = 1.06;

// The smallest gap that recurs, if a larger one recurs too (paragraph or item spacing).
function wrapGapOf(gaps: readonly number[]): number | null {
  const sorted = [...gaps].sort((a, b) => a - b);
  const recurs = (low: number, high: number) => sorted.filter((gap) => gap >= low && gap <= high).length >= 3;
  const wrap = sorted.find((gap) => recurs(gap, gap * SAME_GAP));
  return wrap !== undefined && recurs(wrap * SAME_GAP + 0.01, wrap * 1.6) ? wrap : null;
}

/** The document's lines without rules, with wrapped lines joined. */
export function readingLines(document: DocumentText, style: BodyStyle): Line[] {
  const lines: Line[] = [];
  const widest = widestByColumn(document.lines);
  const hyphens = new HyphenBreaks(document);
  // The last printed line of each joined line: whether the next one continues it depends on it.
  let last: TextLine | undefined;
  // Items whose first line is indented further than the lines it wraps to.
  const itemStarts = new Set<Line>();
  for (let line of document.lines.flatMap(splitMarginHeading)) {
    const previous = lines.at(-1);
    if (RULE.test(line.text) || letterCount(line.text) + (line.text.match(/\d/g) ?? []).length === 0) {
      if (previous && RULE.test(line.text)) previous.underlined = true;
      continue;
    }
    if (previous && last && document.kind !== 'docx' && (brokenAddress(previous, last, line, style) || continuesAddress(previous, line, style))) {
      previous.text = joinAddress(previous.text, line.text);
      previous.width = Math.max(previous.width, line.x + line.width - previous.x);
      last = line;
      continue;
    }
    if (document.kind === 'pdf') line = closingOpenRange(lines, line);
    const join = (before: string, after: string) => hyphens.join(before, after, last?.fontName);
    const cells = previous && last && document.kind === 'pdf' ? wrappedCells(previous, last, line, join, widest) : null;
    if (previous && cells) {
      previous.text = cells.join('\t');
      last = line;
      continue;
    }
    if (
      previous &&
      last &&
      document.kind !== 'docx' &&
      (continues(previous, last, line, style, widest) || endsRange(previous, line, style) || endsWord(previous, line, style) || continuesQuotation(previous, line, style))
    ) {
      if (wrapsOutOfIndent(previous, line)) itemStarts.add(previous);
      previous.text = joinIntoCell(previous, line, join);
      previous.width = Math.max(previous.width, line.x + line.width - previous.x);
      last = line;
      continue;
    }
    lines.push({ ...line, underlined: false });
    last = line;
  }
  if (document.kind === 'pdf') markIndentedItems(lines, style);
  markItemsAtIndent(lines, itemStarts);
  return lines;
}

// A first line set further in than its wrap, by up to this many ems: the room of a bullet
// drawn inside the text's box.
const FIRST_LINE_INDENT_EMS = 2;

const rightToLeftStart = (line: TextLine) => (isRightToLeft(line.text) ? -(line.x + line.width) : line.x);

function wrapsOutOfIndent(first: TextLine, wrap: TextLine): boolean {
  const indent = rightToLeftStart(first) - rightToLeftStart(wrap);
  return indent >= INDENT.min && indent <= FIRST_LINE_INDENT_EMS * wrap.fontSize;
}

// An item's first line set further in than its wrap opens a list item, and so does every
// line of its column that starts where it does in its type, though it is too short to wrap.
function markItemsAtIndent(lines: readonly Line[], itemStarts: ReadonlySet<Line>): void {
  for (const line of lines) {
    const opens = [...itemStarts].some(
      (start) =>
        start === line ||
        (start.page === line.page &&
          start.column === line.column &&
          Math.abs(rightToLeftStart(start) - rightToLeftStart(line)) <= 1 &&
          start.bold === line.bold &&
          Math.abs(start.fontSize - line.fontSize) < 0.5),
    );
    if (opens) line.listItem = true;
  }
}

// Bullets a PDF draws as graphics leave no glyph in the text, only their indent: a line of
// body text set a little in from its column's edge is a list item. Right-to-left columns
// align on the right, so there the indent is measured from the right edge. Lists are
// indented by a few ems of their text (LaTeX's 2.5 em, a theme's padding in em, HTML's
// 40 px at 8–10 pt), so the limit is in ems: farther in, a line starts in another cell (a
// date set flush right, the text beside a date column), not a list.
export const INDENT = { min: 5, maxEms: 4 };

function markIndentedItems(lines: Line[], style: BodyStyle): void {
  for (const column of groupBy(lines, columnKey).values()) {
    const lefts = column.map((line) => Math.round(line.x));
    const rights = column.map((line) => Math.round(line.x + line.width));
    const fromRight = count(rights, mostShared(rights)) > count(lefts, mostShared(lefts));
    const margin = fromRight ? mostShared(rights) : mostShared(lefts);
    for (const line of column) {
      const indent = fromRight ? margin - (line.x + line.width) : line.x - margin;
      if (indent >= INDENT.min && indent <= INDENT.maxEms * line.fontSize && line.fontSize <= style.fontSize + 0.5 && !(line.bold && !style.bold) && !onlyDates(line.text)) line.listItem = true;
    }
  }
}

// A line of nothing but dates is an entry's dates, set in from its title as some layouts
// set them, never an item of a list.
function onlyDates(text: string): boolean {
  const found = findDateRanges(text);
  return found.length === 1 && cut(text, found[0]!).length === 0;
}

const count = (values: readonly number[], value: number) => values.filter((candidate) => Math.abs(candidate - value) <= 1).length;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const itemKey = key(item);
    const group = groups.get(itemKey);
    if (group) group.push(item);
    else groups.set(itemKey, [item]);
  }
  return groups;
}

// The edge most lines share, within a point: the lines of one column start a little apart
// (a bold face's side bearing, a title box nudged by its border), and counted exactly, a
// list's own edge could outnumber the column's.
function mostShared(values: readonly number[]): number {
  return values.reduce((best, value) => (count(values, value) > count(values, best) ? value : best), values[0] ?? 0);
}

/** Mostly Hebrew or Arabic letters. */
function isRightToLeft(text: string): boolean {
  return (text.match(/[\u0590-\u08ff]/g) ?? []).length > (text.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length;
}

/** An email, phone, address or place standing whole on its line: a unit, never a continuation. */
function isContactItem(text: string): boolean {
  return findEmail(text)?.[0] === text || findUrl(text) === text || findPhone(text) === text || parseLocation(text) !== null;
}

const columnKey = (line: TextLine) => `${line.page}:${line.column}`;

/**
 * "…, Staff Engineer, San" over "Francisco, CA": a place whose words ran out of room at the
 * line's end. The line below reads as a place of its own, but only with the words before it
 * is it the whole one (whether the line ran to its edge is still asked).
 */
function finishesPlace(previous: string, line: string): boolean {
  const tail = /(?:^|[,|\t·]\s*)([^,|\t·]+)$/u.exec(previous)?.[1]?.trim();
  return tail !== undefined && wordCount(tail) <= 2 && parseLocation(`${tail} ${line}`) !== null;
}

// How wide a full line is in each column: PDFs wrap at the column's right edge. A column
// with a neighbour on its right reaches at least to just before the neighbour, even when
// none of its lines is long; a line of it that runs on past the neighbour's edge (a title
// across the page's top, read with the first column) spans the page and measures nothing.
// Labels set in a margin right of the text (dates beside each entry) are such a neighbour,
// though read with the text: no line of the text they stand beside runs into them.
function widestByColumn(lines: readonly TextLine[]): Map<string, { left: number; right: number }> {
  const widest = new Map<string, { left: number; right: number }>();
  const labels = new Map<string, number>();
  for (const line of lines) {
    const key = columnKey(line);
    if (line.marginLabel) labels.set(key, Math.min(labels.get(key) ?? Infinity, line.x));
    else {
      const known = widest.get(key) ?? { left: Infinity, right: -Infinity };
      widest.set(key, { left: Math.min(known.left, line.x), right: Math.max(known.right, line.x + line.width) });
    }
  }
  for (const [key, column] of widest) {
    const [page, index] = key.split(':');
    const label = labels.get(key) ?? Infinity;
    const neighbour = Math.min(widest.get(`${page}:${Number(index) + 1}`)?.left ?? Infinity, label > column.left ? label : Infinity);
    if (neighbour === Infinity) continue;
    const within = lines.filter((line) => columnKey(line) === key && !line.marginLabel && line.x + line.width <= neighbour).map((line) => line.x + line.width);
    column.right = Math.max(...within, neighbour - GUTTER);
  }
  return widest;
}

// Between two columns' text: the gap and the padding around a shaded sidebar.
const GUTTER = 30;

/**
 * A section's name set in a margin beside the section's first line ("SUMMARY" left of the
 * summary's first sentence, in a row of its own with it): the first cell of a row, in
 * capitals or standing left of where the next line starts, that names a section. It is
 * made a line of its own, before the rest of the row.
 */
function splitMarginHeading(line: TextLine, index: number, lines: readonly TextLine[]): TextLine[] {
  if (!line.cellX || line.cellX.length < 2) return [line];
  const [first = '', ...rest] = line.text.split('\t');
  if (wordCount(first) > 4 || sectionOfHeading(first) === null) return [line];
  const next = lines[index + 1];
  const textX = line.cellX[1]!;
  const inMargin = next !== undefined && next.page === line.page && next.column === line.column && next.x >= textX - 2 && line.cellX[0]! < textX;
  if (!isAllCaps(first) && !inMargin) return [line];
  const heading: TextLine = { ...line, text: first, width: textX - line.x, cellX: undefined };
  const body: TextLine = { ...line, text: rest.join('\t'), x: textX, width: line.x + line.width - textX, cellX: line.cellX.length > 2 ? line.cellX.slice(1) : undefined, gapBefore: 0 };
  return [heading, body];
}

/**
 * A wrapped line goes on the piece it stands under: a title that wraps beside the date set
 * flush right on its first line ("Deconvolution of bulk tumour…\tJan 2023" over
 * "references") continues the title, not the date.
 */
function joinIntoCell(previous: Line, line: TextLine, join: (before: string, after: string) => string): string {
  const cells = previous.text.split('\t');
  const at = previous.cellX?.length === cells.length && !line.text.includes('\t') ? previous.cellX.findIndex((x) => Math.abs(x - line.x) <= 2) : -1;
  if (at === -1 || at === cells.length - 1) return join(previous.text, line.text);
  cells[at] = join(cells[at]!, line.text);
  return cells.join('\t');
}

// A DOI is an address too, and LaTeX breaks it after a hyphen like a link ("doi:10.1038/s41588-" over "020-0655-7").
const DOI_ADDRESS = /^(?:doi:)?10\.\d{4,9}\/\S+$/iu;

/**
 * A web address too long for its column breaks after a hyphen, a slash or a dot, and goes
 * on at the start of the next line ("linkedin.com/in/jane-" over "doe", in a narrow
 * contact column; a DOI at a citation's end), which holds nothing else: one address,
 * printed without a space.
 */
function continuesAddress(previous: Line, line: TextLine, style: BodyStyle): boolean {
  if (line.page !== previous.page || line.column !== previous.column || line.gapBefore > style.lineGap * 1.5 || /\s/.test(line.text)) return false;
  const tail = previous.text.split(/\s/).at(-1) ?? '';
  // A full stop ends a sentence unless the piece is an address already ("example.").
  if (!/[-/._~]$/.test(tail) || (tail.endsWith('.') && !/[./]/.test(tail.slice(0, -1)))) return false;
  const joined = joinAddress(tail, line.text);
  return (findUrl(joined) === joined && findEmail(joined) === null) || DOI_ADDRESS.test(joined);
}

/**
 * The two pieces of an address as one. A hyphen that ends the host's first piece ("be-"
 * over "hance.net/jane") was the typesetter's, set where no address has one; in the path
 * it is the address's own, as address breaking adds none.
 */
function joinAddress(previous: string, line: string): string {
  const tail = previous.split(/\s/).at(-1) ?? '';
  return tail.endsWith('-') && !/[./]/.test(tail) ? `${previous.slice(0, -1)}${line}` : `${previous}${line}`;
}

/**
 * An e-mail address or link too long for a narrow column, broken inside a word: the rest of
 * it, a short piece in the address's own case (a sidebar set in capitals breaks "HELLO@BRAND.ST"
 * over "UDIO"), stands close below, and the two make one address. The break may fall before
 * the "@" ("lucia.fernandez.ortega" over "@gmail.com"): then the first piece alone is none.
 */
function brokenAddress(previous: Line, last: TextLine, line: TextLine, style: BodyStyle): boolean {
  if (line.page !== previous.page || line.column !== previous.column || Math.abs(line.x - last.x) > 2) return false;
  const capitals = !/\p{Ll}/u.test(previous.text);
  const rest = capitals ? /^@?[A-Z0-9./_-]{1,12}$/ : /^@?[a-z0-9./_-]{1,12}$/;
  if (line.gapBefore > Math.max(style.lineGap, line.fontSize * 1.2) * 1.15 || !rest.test(line.text) || /\s/.test(previous.text)) return false;
  const address = (text: string) => findEmail(text)?.[0] === text || findUrl(text) === text;
  return (address(previous.text) || (line.text.startsWith('@') && !previous.text.includes('@'))) && address(previous.text + line.text);
}

/**
 * A date range that ran out of room at its line's end ("Acme | Jan 2024 –") and goes on
 * at the next line's start ("Present", "May 2025"): the line is the range's end and nothing
 * else, whatever its style (a bold title line may wrap onto a plain one).
 */
const OPEN_RANGE = new RegExp(String.raw`[${DASHES}]\s*$`, 'u');

function endsRange(previous: Line, line: TextLine, style: BodyStyle): boolean {
  if (line.page !== previous.page || line.column !== previous.column || line.listItem || line.gapBefore > style.lineGap * 1.5) return false;
  // Open: a date and a dash end the line ("2024" alone is a date, not a range begun).
  if (!OPEN_RANGE.test(previous.text)) return false;
  const open = findDateRanges(previous.text).at(-1);
  if (!open || open.end !== previous.text.length || open.range.end !== null || open.range.isCurrent) return false;
  const joined = `${previous.text} ${line.text}`;
  const range = findDateRanges(joined).at(-1);
  return range?.start === open.start && range.end === joined.length && !line.text.includes('\t');
}

// How many lines below an open range its end may stand: the entry's next line or two run
// beside the date column (an organisation, a bullet).
const RANGE_WRAP_LINES = 3;

/**
 * A date column too narrow for its range ("UX Design Intern ⇥ Sep 2022 —") puts the range's
 * end on its next line, beside whatever the entry has there ("Produced wireframes… ⇥ Mar
 * 2023"): a last cell of one date alone, starting where the open range's cell does. The date
 * goes back to its range; the line keeps its own text. Returns the line as it then reads.
 */
function closingOpenRange(lines: Line[], line: TextLine): TextLine {
  const cells = line.text.split('\t');
  const at = line.cellX?.at(-1);
  const date = cells.at(-1) ?? '';
  if (cells.length < 2 || at === undefined || line.cellX!.length !== cells.length) return line;
  const dates = findDateRanges(date);
  if (dates.length !== 1 || dates[0]!.range.end !== null || dates[0]!.range.isCurrent || cut(date, dates[0]!).length > 0) return line;
  for (const above of lines.slice(-RANGE_WRAP_LINES).reverse()) {
    if (above.page !== line.page || above.column !== line.column) return line;
    const aboveCells = above.text.split('\t');
    const cellStart = above.cellX?.at(-1);
    if (cellStart === undefined || above.cellX!.length !== aboveCells.length || Math.abs(cellStart - at) > 2) continue;
    if (!OPEN_RANGE.test(above.text)) return line;
    const open = findDateRanges(aboveCells.at(-1)!).at(-1);
    if (!open || open.range.end !== null || open.range.isCurrent) return line;
    // The next entry's own date ("Intern, Globex ⇥ 2020" under "Engineer, Acme ⇥ 2021 –"):
    // set like the open line, or earlier than its start, it ends nothing.
    if ((sameType(above, line) && !line.listItem) || (open.range.start ?? '') > (dates[0]!.range.start ?? '')) return line;
    above.text = `${above.text} ${date}`;
    return { ...line, text: cells.slice(0, -1).join('\t'), cellX: cells.length > 2 ? line.cellX!.slice(0, -1) : undefined, width: Math.max(0, at - line.x - line.fontSize) };
  }
  return line;
}

/**
 * A quotation left open at the line's end goes on in the next line close below, set in the
 * same size: whatever its indent (a hanging one, or a list's margin that marks it an item).
 */
function continuesQuotation(previous: Line, line: TextLine, style: BodyStyle): boolean {
  if (!opensQuotation(previous.text) || opensQuotation(line.text) || line.headingLevel !== undefined) return false;
  if (line.page !== previous.page || line.column !== previous.column || Math.abs(line.fontSize - previous.fontSize) > 0.5) return false;
  return line.gapBefore <= Math.max(style.lineGap, line.fontSize * 1.2) * 1.15;
}

// A table row's cells wrap under themselves, set as tight as the lines of one paragraph.
const CELL_WRAP_GAP = 1.25;

/**
 * A row of cells ("Bachelor of Science Nursing ⇥ University of ⇥ 2012 – 2016") whose cells
 * wrapped: the next line, close below, holds their further lines ("Houston"), each under the
 * cell it belongs to, none in the first cell's place (there a new row starts). At least one
 * piece starts exactly where a cell does; one that does not (the row's text ran together)
 * goes on the cell it stands under. A piece under the row's last cell must show that cell
 * wrapped: its first word would not have fitted after the cell's last printed line, before
 * the column's edge. Otherwise it is a line of its own beside the first cell, as an entry's
 * organisation stands under its title, right of the dates ("2016 – Present ⇥ Chief Financial
 * Officer" over "Midwest Industrial Holdings Inc., Chicago, IL").
 * Returns the row's cells with their lines joined, or null.
 */
function wrappedCells(previous: Line, last: TextLine, line: TextLine, join: (before: string, after: string) => string, widest: Map<string, { left: number; right: number }>): string[] | null {
  const cellX = previous.cellX;
  const cells = previous.text.split('\t');
  if (!cellX || cellX.length < 2 || cells.length !== cellX.length || isRightToLeft(previous.text)) return null;
  if (line.page !== previous.page || line.column !== previous.column || line.listItem || line.headingLevel !== undefined) return null;
  if (Math.abs(line.fontSize - previous.fontSize) > 0.5 || line.bold !== previous.bold || line.gapBefore > CELL_WRAP_GAP * line.fontSize) return null;
  const pieces = line.text.split('\t');
  const starts = line.cellX ?? [line.x];
  if (pieces.length !== starts.length || starts[0]! <= cellX[0]! + 2) return null;
  if (!starts.some((x) => cellX.some((cell, index) => index > 0 && Math.abs(x - cell) <= 2))) return null;
  const under = starts.map((start) => cellX.reduce((found, cell, at) => (cell - 2 <= start ? at : found), 0));
  // The last of three cells or more is a description beside the entry ("Teacher ⇥ 2012 – 2022
  // ⇥ Taught English…"): its lines are the entry's details, not part of its opening row.
  if (cellX.length > 2 && under.includes(cellX.length - 1)) return null;
  const tail = under.at(-1) === cellX.length - 1 ? starts.at(-1)! : null;
  if (tail !== null && !ranToEdge(last, { ...line, text: pieces.at(-1)!, x: tail, width: line.x + line.width - tail }, widest)) return null;
  const joined = [...cells];
  pieces.forEach((piece, index) => {
    joined[under[index]!] = join(joined[under[index]!]!, piece);
  });
  return joined;
}

// A bullet glyph that opens a cell ("2012 – 2016  ⇥  • Bachelor of…"): the cell's text
// and its wrapped lines start after it.
const CELL_BULLET = /^[•·▪◦‣–-]\s/u;

/**
 * The line starts where the last printed line's text does: at its left edge, or, when that
 * line is a row of two cells (dates in a margin, then the entry), where its second cell's
 * text starts, as the text of that cell wraps under itself.
 */
function alignedUnder(line: TextLine, last: TextLine): boolean {
  if (Math.abs(line.x - last.x) <= 2) return true;
  // Only a row of two: the last of more cells is a description beside the entry (see wrappedCells).
  const cell = last.cellX?.length === 2 ? last.cellX[1] : undefined;
  if (cell === undefined) return false;
  const bulleted = CELL_BULLET.test(last.text.split('\t').at(-1) ?? '');
  return line.x >= cell - 2 && line.x <= cell + (bulleted ? 1.5 * last.fontSize : 2);
}

/**
 * The rest of a word broken at a hyphen ("Prov-" over "idence, RI"), close below in the same
 * size: it continues the line whatever their styles (a bold degree's line may end in a plain
 * place name) and wherever it starts (a line that began with a date in a margin wraps under
 * its text).
 */
function endsWord(previous: Line, line: TextLine, style: BodyStyle): boolean {
  if (line.page !== previous.page || line.column !== previous.column || line.listItem || Math.abs(line.fontSize - previous.fontSize) > 0.5) return false;
  return line.gapBefore <= Math.max(style.lineGap, line.fontSize * 1.2) * 1.15 && breaksWord(previous.text, line.text);
}

/** The line starts in from the item's glyph, within the room a glyph and its space take. */
function hangsUnderGlyph(item: TextLine, line: TextLine): boolean {
  const indent = rightToLeftStart(line) - rightToLeftStart(item);
  return indent > 2 && indent <= FIRST_LINE_INDENT_EMS * item.fontSize;
}

/** Set in from its column's left edge as far as a list's indent goes (see INDENT). */
function setInFromColumn(line: TextLine, widest: Map<string, { left: number; right: number }>): boolean {
  const column = widest.get(columnKey(line));
  const indent = column ? line.x - column.left : 0;
  return indent >= INDENT.min && indent <= INDENT.maxEms * line.fontSize;
}

// Words that join a phrase to what follows, so no name or sentence ends on them; in lower
// case only, since "Portland, OR" ends on a state.
const DANGLING = /\s(?:and|or|of|for|with|to|the|in|on|across|&|und|für|der|et|de|des|du|pour|y|e|en|del|para)$/u;

// How far apart, in ems of their type, the lines of a loosely set block may stand.
const LOOSE_LINE_EMS = 2;

/**
 * The line broke because the next line's first word did not fit: it would have run past
 * the column's edge (the left one, in right-to-left text).
 */
function ranToEdge(last: TextLine, line: TextLine, widest: Map<string, { left: number; right: number }>): boolean {
  const column = widest.get(columnKey(line));
  if (!column || line.width <= 0 || last.width <= 0) return false;
  const wordWidth = (line.width * (firstWord(line.text).length + 1)) / Math.max(1, line.text.length);
  return isRightToLeft(last.text) ? last.x - wordWidth <= column.left + 2 : last.x + last.width + wordWidth >= column.right - 2;
}

/**
 * The line's cells start where the last line's do ("2016 ⇥ Registered Nurse License" under
 * "2024 ⇥ Basic Life Support"): the next row of a table, however close below, where a wrap
 * would run on from one edge.
 */
function nextRow(last: TextLine, line: TextLine): boolean {
  const [first, second] = line.cellX ?? [];
  return first !== undefined && second !== undefined && Math.abs(first - (last.cellX?.[0] ?? Number.NaN)) <= 1 && Math.abs(second - (last.cellX?.[1] ?? Number.NaN)) <= 1;
}

/**
 * A PDF (or a hard-wrapped text file) breaks long sentences into lines; the next line of
 * the same style, close below, continues the previous one when that one ran to the edge
 * or a bullet's text continues indented under it. DOCX keeps paragraphs whole.
 */
function continues(previous: Line, last: TextLine, line: TextLine, style: BodyStyle, widest: Map<string, { left: number; right: number }>): boolean {
  if (line.listItem || line.headingLevel !== undefined || previous.headingLevel !== undefined) return false;
  if (line.page !== previous.page || line.column !== previous.column || nextRow(last, line)) return false;
  // A comma at the line's end leaves the piece it opened to the next line, whose style may
  // differ: an entry's opening mixes a bold title with plain text, and its wrap holds the plain.
  const openComma = previous.text.endsWith(',');
  if (Math.abs(line.fontSize - previous.fontSize) > 0.5 || (!openComma && (line.bold !== previous.bold || line.italic !== previous.italic))) return false;
  // Lines set larger than the body are spaced wider in proportion.
  const wrapGap = style.wrapGapAt.get(Math.round(line.x)) ?? (style.wrapGap === null ? null : style.wrapGap * Math.max(1, line.fontSize / style.fontSize));
  const looseGap = Math.max(style.lineGap, line.fontSize * 1.2) * 1.15;
  // A line that stops on "and" or "of" has more to say, whatever the spacing of the main
  // text: a narrow sidebar sets its lines further apart than the body's wrapped paragraphs.
  if (DANGLING.test(previous.text) && line.gapBefore <= looseGap && alignedUnder(line, last) && !isContactItem(line.text)) return true;
  // Some blocks are set looser than the body, their lines as far apart as their items (a
  // theme's highlights with no glyphs): there a long sentence left open at the column's edge,
  // the next word not fitting, goes on on the line under it: in lower case, or after a
  // word that joins it to more.
  const goesOn = /^\p{Ll}/u.test(line.text) || DANGLING.test(previous.text);
  if (
    line.gapBefore <= line.fontSize * LOOSE_LINE_EMS &&
    last.text.length >= 40 &&
    goesOn &&
    !/[.!?:;]$/.test(previous.text) &&
    alignedUnder(line, last) &&
    ranToEdge(last, line, widest) &&
    !isContactItem(line.text)
  )
    return true;
  if (line.gapBefore > (wrapGap === null ? looseGap : wrapGap * SAME_GAP)) return false;
  // A new "Label: …" line or a whole contact detail starts afresh; a sentence's end and the
  // next one's start before a colon ("Automobilindustrie. Schwerpunkte: …") make no label.
  if (
    /[:;]$/.test(previous.text) ||
    (isContactItem(line.text) && !openComma && !finishesPlace(previous.text, line.text)) ||
    (/^[^\s:]+(?:\s[^\s:]+){0,2}:\s/u.test(line.text) && labelled(line.text) !== null)
  )
    return false;
  // Without telling spacing, a sentence that ends at the line's end, followed by a capital,
  // is where a new item starts.
  if (wrapGap === null && /[.!?]$/.test(previous.text) && /^\p{Lu}/u.test(line.text)) return false;
  // So it is, whatever the spacing, in a list whose bullets are graphics, set in from its
  // column's edge with no glyph: its items may be set as tight as a wrapped sentence, and
  // its box may end short of the column's widest line, so the next word seems not to fit.
  if (/[.!?]$/.test(previous.text) && /^\p{Lu}/u.test(line.text) && !previous.listItem && Math.abs(line.x - previous.x) <= 2 && setInFromColumn(line, widest)) return false;

  // Only a line of several words wraps.
  if (last.text.length < 18) return false;
  // A long line left open, then one aligned with it that starts in lower case (or with a
  // bracket), is one sentence, wherever the line broke: a block narrower than its column
  // (a list set in CSS columns) wraps short of the column's edge. Under a bullet whose
  // glyph stands in the text, the item's lines start where the glyph does, and a new item
  // would bring its own glyph: there a shorter line is no less open.
  if ((last.text.length >= 40 || previous.listItem) && /^[\p{Ll}\p{Ps}]/u.test(line.text) && !/[.!?]$/.test(previous.text) && alignedUnder(line, last)) return true;
  // Other layouts hang the item's lines under its words, in from the glyph: a line that
  // starts there is the item's wrap whatever its first letter and however short of the
  // column's edge the item stopped (its box may end where a column of dates begins).
  if (previous.listItem && hangsUnderGlyph(previous, line)) return true;
  if (line.width > 0 && previous.width > 0) {
    if (!widest.has(columnKey(line))) return false;
    const rtl = isRightToLeft(previous.text);
    const start = (candidate: TextLine) => (rtl ? -(candidate.x + candidate.width) : candidate.x);
    const hangsUnderBullet = previous.listItem && start(line) > start(previous) + 2;
    const aligned = rtl ? Math.abs(start(line) - start(last)) <= 2 : alignedUnder(line, last);
    // A bullet drawn as a graphic inside the text's box indents the item's first line only:
    // its wrap starts to the left of it, and the lines after go on from there.
    // A line opening a quotation of its own starts a new paragraph, not the wrap of an item.
    const outOfIndent = wrapsOutOfIndent(previous, line) && (last.x === previous.x || aligned) && !opensQuotation(line.text);
    // Text set beside a floated block (an entry's title and dates) goes on under it, back at
    // its own indent, in lower case: the rest of a sentence that ran to the edge.
    const underFloat = start(line) < start(last) - 2 && /^\p{Ll}/u.test(line.text) && !/[.!?]$/.test(previous.text);
    return ranToEdge(last, line, widest) && (hangsUnderBullet || outOfIndent || underFloat || (aligned && !previous.listItem));
  }
  // Without widths, a long line followed by one that starts in lower case is a hard wrap.
  return last.text.length >= 60 && /^\p{Ll}/u.test(line.text) && !/[.!?]$/.test(previous.text);
}
