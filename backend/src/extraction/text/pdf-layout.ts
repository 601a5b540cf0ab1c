import { readFlowingColumns } from './flowing-columns';
import { readFlushRightGrids } from './flush-right-grid';
import { readLabelledGrids } from './labelled-grid';
import { cellsOf, type DraftLine } from './text-lines';
import { joinStackedRanges } from './stacked-ranges';
import { splitWrappedLastCells } from './wrapped-cells';
import { embedPunctuation, endsLeftToRight, hasRightToLeft, isRightToLeft, leftToRightItem, leftToRightText, rightToLeftText, type VisualPiece } from './visual-to-logical';

/** One run of text as pdf.js places it, in points from the page's top-left corner. */
export interface PdfTextItem {
  text: string;
  x: number;
  /** Baseline, which is what items of one printed line share. */
  baseline: number;
  top: number;
  width: number;
  fontSize: number;
  fontName?: string;
  bold: boolean;
  italic: boolean;
}

// Items whose baselines differ by less than this share of the font size sit on one line
// (superscripts and mixed fonts shift baselines a little).
const BASELINE_TOLERANCE = 0.3;
// A horizontal gap wider than this share of the font size is a word space that pdf.js
// did not emit as a character.
const WORD_GAP = 0.2;
// A gap wider than a whole em is no longer a space inside a sentence: the two sides may
// belong to different columns. Gutters are 1.5–3 em wide in practice.
const SEGMENT_GAP = 1;
// Inside one column's line, such a gap separates cells: justified text stretches its
// spaces well short of an em, tab stops, flush-right dates and grid cells lie beyond it.
const CELL_GAP = SEGMENT_GAP;
// A gutter must stay clear over at least this share of the page's text height...
const GUTTER_MIN_SHARE = 0.5;
// ...with at least this many pieces of text on each side of it...
const GUTTER_MIN_SEGMENTS = 3;
// ...and the two sides must not share their baselines: a label or date column that lines
// up row by row with the text beside it is a table, read across, not two columns.
const TABLE_ROW_SHARE = 0.7;
// ...unless this share of the left side's rows sits between the other side's rows.
const MISALIGNED_SHARE = 0.2;
// Lines of a label column that end within this distance of each other are set flush right.
const FLUSH_TOLERANCE = 1;
// Candidate gutter positions tried across the text's width.
const GUTTER_PROBES = 400;

interface Row {
  baseline: number;
  items: PdfTextItem[];
}

interface Segment {
  row: Row;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Run {
  span: number;
  left: Segment[];
  right: Segment[];
}

/**
 * Lines of one page in reading order: items merged into lines by baseline and, when the
 * page has two columns, column 0 top to bottom, then column 1. Rows that cross the gutter
 * (a full-width header) belong to column 0.
 */
export function layoutPage(items: readonly PdfTextItem[], page: number): DraftLine[] {
  const rows = groupRows(items.filter((item) => item.text.trim() !== ''));
  const { gutter, rowSegments } = pageGutter(rows);
  // After the gutter is found: the parts of a range, each a line of its own, tell where the column of dates stands.
  joinStackedRanges(rows, gutter);
  const columns: DraftLine[][] = [[], []];
  const rightToLeftPage = isRightToLeft(items.map((item) => item.text).join(' '));
  const cellOrder = rightToLeftPage ? alignment(rowSegments.flat()) : null;
  // Right-to-left text is set flush right, word by word: no margin of labels to find there.
  const edge = gutter === null && !rightToLeftPage ? labelEdge(rows) : null;
  if (edge !== null) joinWrappedLabels(rows, edge);
  const shape: PageShape = { page, rightToLeftPage, cellOrder, edge, cellsStartingAt: cellStartCounter(rowSegments.flat().map((segment) => segment.left)) };
  const across: DraftLine[] = [];
  rows.forEach((row, index) => {
    if (row.items.length === 0) return;
    if (gutter === null || rowSegments[index]!.some((s) => s.left < gutter && s.right > gutter)) {
      across.push(...marginHeading(row.items).map((items) => toLine(items, 0, shape)));
      return;
    }
    const left = row.items.filter((item) => item.x + item.width / 2 < gutter);
    const right = row.items.filter((item) => item.x + item.width / 2 >= gutter);
    if (left.length) columns[0]!.push(toLine(left, 0, { ...shape, edge: null }));
    if (right.length) columns[1]!.push(toLine(right, 1, { ...shape, edge: null }));
  });
  const [left, right] = columns as [DraftLine[], DraftLine[]];
  const byTop = (lines: DraftLine[]) => leftFirstInRow(lines.sort((a, b) => a.y - b.y || a.x - b.x));
  if (isLabelColumn(left, right)) return readSetColumns(interleave(left, byTop([...across, ...right])));
  if (isLabelColumn(right, left)) return readSetColumns(interleave(right, byTop([...across, ...left])));
  return readSetColumns([...byTop([...across, ...left]), ...byTop(right)]);
}

// Grids, lists and labelled grids set in columns side by side are read column by column;
// then a row's last cell that wrapped is parted from the cells before it.
const readSetColumns = (lines: DraftLine[]): DraftLine[] => splitWrappedLastCells(readLabelledGrids(readFlowingColumns(readFlushRightGrids(lines))));

/**
 * Lines sorted by their tops, with a line that stands level with the one above it and wholly
 * to its left moved before it: a section's name in the margin, set a point lower than the
 * first line of its text (its baseline too far off to share the row), is read first, as a
 * row is read from the left.
 */
function leftFirstInRow(lines: DraftLine[]): DraftLine[] {
  for (let index = 1; index < lines.length; index += 1) {
    const [above, line] = [lines[index - 1]!, lines[index]!];
    const level = line.y - above.y < 0.5 * Math.min(line.fontSize, above.fontSize);
    if (level && line.page === above.page && line.x + line.width <= above.x) [lines[index - 1], lines[index]] = [line, above];
  }
  return lines;
}

// A column of a few short labels spaced far apart (section names and dates, as some
// themes set them beside their text, on either side): it is no sidebar but the text's
// margin, read with the text it stands beside.
const LABEL_COLUMN = { share: 0.7, chars: 32, words: 5, spacing: 2 };

const gapAt = (lines: readonly DraftLine[], share: number): number => {
  const gaps = lines.slice(1).map((line, index) => line.y - lines[index]!.y);
  return [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * share)] ?? 0;
};
const medianGap = (lines: readonly DraftLine[]): number => gapAt(lines, 0.5);
// The text's line spacing: a short page of entries spaced apart (a page of headed entries
// of one line each) has more gaps between entries than between lines, so its median is no
// measure of it; a quarter of the gaps are still lines of one paragraph.
const leading = (lines: readonly DraftLine[]): number => gapAt(lines, 0.25);

function isLabelColumn(labels: DraftLine[], text: DraftLine[]): boolean {
  if (labels.length < 2 || labels.length > LABEL_COLUMN.share * text.length) return false;
  // A dash between two dates is no word: "January 2010 — March 2016" labels as "2010" does.
  const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  // Bullets drawn apart from their text are no labels.
  const isLabel = (line: DraftLine) => /[\p{L}\p{N}]{2}/u.test(line.text) && cellsOf(line).every((cell) => cell.text.length <= LABEL_COLUMN.chars && words(cell.text) <= LABEL_COLUMN.words);
  if (!labels.every(isLabel)) return false;
  const sorted = (lines: DraftLine[]) => [...lines].sort((a, b) => a.y - b.y);
  return medianGap(sorted(labels)) >= LABEL_COLUMN.spacing * leading(sorted(text));
}

/**
 * The text in reading order with each label before what it labels. The text falls into
 * blocks where the space between lines grows; a label standing level with a block heads
 * it, even when set a little above or below its first line (or centred on it); a second
 * label set like the first is a section with nothing printed in it, after the block, unless
 * it holds figures (a second date), which no section's name does: then it heads the block
 * too; one set otherwise (a date under a section's name) goes with the line it stands
 * beside. A label beside no text goes where it stands.
 */
function interleave(labels: readonly DraftLine[], text: readonly DraftLine[]): DraftLine[] {
  const step = leading(text);
  const blocks: DraftLine[][] = [];
  text.forEach((line, index) => {
    if (index === 0 || line.page !== text[index - 1]!.page || line.y - text[index - 1]!.y > 1.5 * step) blocks.push([]);
    blocks.at(-1)!.push({ ...line, column: 0 });
  });
  const before = new Map<DraftLine, DraftLine[]>();
  const after = new Map<DraftLine, DraftLine[]>();
  const trailing: DraftLine[] = [];
  const heads = new Map<DraftLine[], DraftLine>();
  const place = (map: Map<DraftLine, DraftLine[]>, at: DraftLine, label: DraftLine) => map.set(at, [...(map.get(at) ?? []), label]);
  for (const label of [...labels].sort((a, b) => a.y - b.y)) {
    const line = { ...label, column: 0, marginLabel: true };
    const bottom = (block: DraftLine[]) => block.at(-1)!.y + block.at(-1)!.fontSize;
    const block = blocks.find((candidate) => label.y < bottom(candidate) + step / 2 && label.y + label.fontSize > candidate[0]!.y - step / 2);
    const head = block && heads.get(block);
    if (block && !head) {
      heads.set(block, label);
      place(before, block[0]!, line);
    } else if (block && head && head.fontSize === label.fontSize && head.bold === label.bold) {
      if (/\p{N}/u.test(label.text)) place(before, block[0]!, line);
      else place(after, block.at(-1)!, line);
    } else {
      const beside = (block ?? blocks.flat()).find((candidate) => candidate.y >= label.y - step / 2);
      if (beside) place(before, beside, line);
      else trailing.push(line);
    }
  }
  return [...blocks.flat().flatMap((line) => [...(before.get(line) ?? []), line, ...(after.get(line) ?? [])]), ...trailing];
}

function groupRows(items: readonly PdfTextItem[]): Row[] {
  const rows: Row[] = [];
  let current: (Row & { fontSize: number }) | undefined;
  for (const item of [...items].sort((a, b) => a.baseline - b.baseline)) {
    if (current && Math.abs(item.baseline - current.baseline) <= BASELINE_TOLERANCE * Math.max(item.fontSize, current.fontSize)) {
      current.items.push(item);
      // The biggest text sets the line's baseline, not a raised footnote mark that sorted first.
      if (item.fontSize > current.fontSize) Object.assign(current, { baseline: item.baseline, fontSize: item.fontSize });
      continue;
    }
    current = { baseline: item.baseline, fontSize: item.fontSize, items: [item] };
    rows.push(current);
  }
  for (const row of rows) row.items = embedPunctuation(row.items).sort((a, b) => a.x - b.x);
  return rows;
}

function splitSegments(row: Row): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const item of row.items) {
    if (current && item.x - current.right <= SEGMENT_GAP * item.fontSize) {
      current.right = Math.max(current.right, item.x + item.width);
      current.top = Math.min(current.top, item.top);
      continue;
    }
    current = { row, left: item.x, right: item.x + item.width, top: item.top, bottom: row.baseline };
    segments.push(current);
  }
  return segments;
}

/** Each run of the row as a segment of its own: no gap, however small, is bridged. */
const itemSegments = (row: Row): Segment[] => row.items.map((item) => ({ row, left: item.x, right: item.x + item.width, top: item.top, bottom: row.baseline }));

/**
 * The page's column gutter (null for one column), with the segments each row was measured
 * in: whether a row crosses the gutter is judged in the same segments that found it.
 */
function pageGutter(rows: readonly Row[]): { gutter: number | null; rowSegments: Segment[][] } {
  // Where a column's lines start is the surer sign: tried first, it also parts the runs of
  // a row that merely come close across the gutter.
  const items = rows.map(itemSegments);
  const aligned = alignedGutter(rows, items.flat());
  if (aligned !== null) return { gutter: aligned, rowSegments: items };
  const merged = rows.map(splitSegments);
  return { gutter: findGutter(merged.flat()), rowSegments: merged };
}

// A narrow column may stand closer to the text than a cell gap (a contact column set beside
// the body, as moderncv's oldstyle does, a word space away), so runs of both merge into one
// segment and no clear band shows. The text column still shows where its lines start: at least this share
// of the rows start a run at one x that no run crosses over a long stretch.
const ALIGNED_MIN_SHARE = 0.3;
// How far from that x the runs of one column start, in points.
const ALIGNED_TOLERANCE = 1;
// A column of its own is set flush left: at least this share of its rows start at one x.
// A margin of labels set flush right, ragged on the left, is read with its text instead.
const FLUSH_LEFT_SHARE = 0.6;

function isFlushLeft(segments: readonly Segment[]): boolean {
  const starts = [...new Set(segments.map((s) => s.row))].map((row) => least(segments.filter((s) => s.row === row).map((s) => s.left)));
  return starts.some((start) => starts.filter((other) => Math.abs(other - start) <= ALIGNED_TOLERANCE).length >= FLUSH_LEFT_SHARE * starts.length);
}

/** The x just left of where a column's lines start, clear of runs from top to bottom over most of the page; null when there is none. */
function alignedGutter(rows: readonly Row[], segments: readonly Segment[]): number | null {
  const starts = new Map<number, Set<Row>>();
  for (const row of rows) for (const item of row.items) starts.set(Math.round(item.x), (starts.get(Math.round(item.x)) ?? new Set()).add(row));
  const candidates = [...starts]
    .filter(([, starting]) => starting.size >= ALIGNED_MIN_SHARE * rows.length)
    .sort((a, b) => b[1].size - a[1].size)
    .map(([x]) => least(rows.flatMap((row) => row.items.filter((item) => Math.abs(item.x - x) <= ALIGNED_TOLERANCE).map((item) => item.x))) - ALIGNED_TOLERANCE / 2);
  return findGutter(segments, candidates, (run) => isFlushLeft(run.left) && !cellsOfLeftRows(run));
}

// Share of the rows starting right of a gutter that also hold text left of it, above which
// what starts there is a cell of those rows (dates set beside their titles), not a column.
const CELL_ROWS_SHARE = 0.9;

/** Every row that starts on the run's right at its first x holds text on its left too. */
function cellsOfLeftRows(run: Run): boolean {
  const start = least(run.right.map((s) => s.left));
  const starting = new Set(run.right.filter((s) => s.left - start <= ALIGNED_TOLERANCE).map((s) => s.row));
  const left = new Set(run.left.map((s) => s.row));
  return [...starting].filter((row) => left.has(row)).length >= CELL_ROWS_SHARE * starting.size;
}

/**
 * The x of the page's column gutter, or null for a one-column page. Tries `probes` when
 * given (the first whose clear run `accept`s), else positions spread across the text's width.
 */
function findGutter(segments: readonly Segment[], probes?: readonly number[], accept: (run: Run) => boolean = () => true): number | null {
  if (segments.length < 2 * GUTTER_MIN_SEGMENTS) return null;
  const byTop = [...segments].sort((a, b) => a.top - b.top);
  const minX = least(segments.map((s) => s.left));
  const maxX = most(segments.map((s) => s.right));
  const height = most(segments.map((s) => s.bottom)) - least(segments.map((s) => s.top));
  const step = (maxX - minX) / GUTTER_PROBES;
  if (height <= 0 || step <= 0) return null;
  if (probes) {
    const gutter = probes.find((x) => {
      const run = clearRun(byTop, x);
      return run.span >= GUTTER_MIN_SHARE * height && !isTable(run) && accept(run);
    });
    return gutter ?? null;
  }

  // Neighbouring probes with a long enough clear run form a band: one candidate gutter,
  // placed in the middle of the probes where its run is longest.
  const bands: { x: number; span: number }[][] = [[]];
  for (let probe = 1; probe < GUTTER_PROBES; probe += 1) {
    const x = minX + probe * step;
    const span = clearRun(byTop, x).span;
    if (span >= GUTTER_MIN_SHARE * height) bands.at(-1)!.push({ x, span });
    else if (bands.at(-1)!.length) bands.push([]);
  }
  let best: { x: number; span: number; across: number } | null = null;
  for (const band of bands) {
    const longestSpan = most(band.map((probe) => probe.span));
    const longest = band.filter((probe) => probe.span === longestSpan);
    const middle = longest[Math.floor(longest.length / 2)];
    if (!middle) continue;
    const run = clearRun(byTop, middle.x);
    if (isTable(run)) continue;
    const candidate = { ...middle, across: rowsAcross(run) };
    // Of two bands clear as far, the gutter is the one fewer rows cross: a main column's
    // dates, set flush right beside short titles, leave a band as long before them, but
    // each title shares its row with its date; a sidebar's lines only meet the main
    // column's rows by chance.
    const asLong = best !== null && Math.abs(candidate.span - best.span) <= SAME_SPAN;
    if (!best || (asLong ? candidate.across < best.across : candidate.span > best.span)) best = candidate;
  }
  return best?.x ?? null;
}

// Clear runs this close in length (points) are as long as each other.
const SAME_SPAN = 1;

/** How many rows hold text on both sides of the run's x. */
function rowsAcross(run: Run): number {
  const left = new Set(run.left.map((s) => s.row));
  return new Set(run.right.filter((s) => left.has(s.row)).map((s) => s.row)).size;
}

/** The longest stretch, top to bottom, in which no segment crosses x and both sides hold text. */
function clearRun(byTop: readonly Segment[], x: number): Run {
  let best: Run = { span: 0, left: [], right: [] };
  let run: Run = { span: 0, left: [], right: [] };
  let start = 0;
  const finish = (): void => {
    if (run.left.length >= GUTTER_MIN_SEGMENTS && run.right.length >= GUTTER_MIN_SEGMENTS && run.span > best.span) best = run;
  };
  for (const segment of byTop) {
    if (segment.left < x && segment.right > x) {
      finish();
      run = { span: 0, left: [], right: [] };
      continue;
    }
    if (run.left.length + run.right.length === 0) start = segment.top;
    (segment.right <= x ? run.left : run.right).push(segment);
    run.span = Math.max(run.span, segment.bottom - start);
  }
  finish();
  return best;
}

function isTable(run: Run): boolean {
  // Labels are narrower than the text they label; a right-to-left main column, flush right
  // too, is wider than the sidebar beside it.
  if (isFlushRightLabels(run.left) && extent(run.left) < extent(run.right)) return true;
  // Only where both sides hold text: lines above or below the other side (a contact block
  // over a label column) say nothing about whether the rows line up.
  const from = Math.max(least(run.left.map((s) => s.top)), least(run.right.map((s) => s.top)));
  const to = Math.min(most(run.left.map((s) => s.bottom)), most(run.right.map((s) => s.bottom)));
  const within = (segments: readonly Segment[]) => new Set(segments.filter((s) => s.bottom >= from && s.top <= to).map((s) => s.row));
  const leftRows = within(run.left);
  const rightRows = within(run.right);
  const shared = [...leftRows].filter((row) => rightRows.has(row)).length;
  // A sidebar's lines sit beside the main column's at heights of their own; where both
  // columns are set in one font and line height from a common top (a two-column table
  // holding a sidebar), many happen to share baselines, but a heading or a gap on one
  // side shifts the rest of it off the other's rows. A table's rows stay aligned.
  const misalignedShare = (rows: ReadonlySet<Row>, others: ReadonlySet<Row>, otherSide: readonly Segment[]) =>
    [...rows].filter((row) => !others.has(row) && beside(row, otherSide)).length / Math.max(1, rows.size);
  const misaligned = misalignedShare(leftRows, rightRows, run.right) * leftRows.size;
  // Either side may be the sidebar (right-to-left pages set it on the right).
  const offRows = Math.max(misalignedShare(leftRows, rightRows, run.right), misalignedShare(rightRows, leftRows, run.left));
  if (shared >= TABLE_ROW_SHARE * Math.min(leftRows.size, rightRows.size) && offRows <= MISALIGNED_SHARE) return true;
  // Labels whose text fills several lines (a language's level, an entry) line up with the
  // first; a heading among them stands where the other side is blank.
  return shared >= 0.5 * leftRows.size && misaligned <= 0.1 * leftRows.size;
}

const extent = (segments: readonly Segment[]): number => most(segments.map((s) => s.right)) - least(segments.map((s) => s.left));

const rowTop = (row: Row): number => least(row.items.map((item) => item.top));

/** Text of another row on the other side stands level with the row. */
const beside = (row: Row, otherSide: readonly Segment[]): boolean => otherSide.some((s) => s.row !== row && s.top < row.baseline && s.bottom > rowTop(row));

// A narrow left side whose lines end flush against the gutter, at ragged starts, labels the
// text beside it (section names and dates in a CV's margin, as moderncv and Europass set
// them): a sidebar of its own is set flush left.
function isFlushRightLabels(left: readonly Segment[]): boolean {
  const ends = new Map<number, number>();
  for (const segment of left) ends.set(Math.round(segment.right), (ends.get(Math.round(segment.right)) ?? 0) + 1);
  let flush = 0;
  for (const end of ends.keys()) {
    let near = 0;
    for (let offset = -FLUSH_TOLERANCE; offset <= FLUSH_TOLERANCE; offset += 1) near += ends.get(end + offset) ?? 0;
    flush = Math.max(flush, near);
  }
  const starts = new Set(left.map((s) => Math.round(s.left)));
  return flush >= 0.75 * left.length && starts.size >= 0.5 * left.length;
}

// Labels in a margin set flush right against the text column (dates and names as moderncv
// and Europass set them) may sit closer to the text than a cell gap: they are recognised
// by shape, rows whose label ends at one x while the text beside starts at one x, the
// labels' starts ragged. At least this many such rows.
const LABEL_ROWS = 4;
// How far from the text the labels end, in ems: wider than a word space, at most this.
const LABEL_MIN_GAP = 0.4;
const LABEL_GAP = 3;

const isRightOf = (item: PdfTextItem, edge: number): boolean => item.x + item.width / 2 >= edge;

/** The x where a margin of flush-right labels ends and the text column begins, or null. */
function labelEdge(rows: readonly Row[]): number | null {
  const pairs: { label: PdfTextItem; text: PdfTextItem }[] = [];
  for (const row of rows) {
    const [label, text] = row.items;
    if (!label || !text) continue;
    const gap = text.x - (label.x + label.width);
    if (gap > LABEL_MIN_GAP * text.fontSize && gap < LABEL_GAP * text.fontSize && weight(label) <= 30) pairs.push({ label, text });
  }
  const starts = new Map<number, typeof pairs>();
  for (const pair of pairs) {
    const key = Math.round(pair.text.x);
    starts.set(key, [...(starts.get(key) ?? []), pair]);
  }
  for (const [start, group] of [...starts].sort((a, b) => b[1].length - a[1].length)) {
    const beside = pairs.filter((pair) => Math.abs(pair.text.x - start) <= FLUSH_TOLERANCE);
    const ends = beside.map((pair) => pair.label.x + pair.label.width);
    const flush = beside.filter((_, i) => Math.abs(ends[i]! - most(ends)) <= 1.5).length;
    const ragged = new Set(beside.map((pair) => Math.round(pair.label.x))).size;
    if (group.length >= LABEL_ROWS && flush >= 0.75 * beside.length && ragged >= LABEL_ROWS - 1) return (most(ends) + least(beside.map((pair) => pair.text.x))) / 2;
    break;
  }
  return null;
}

// A label that wraps in the margin ("Sept 2020 –" over "today", "CRM and" over
// "loyalty") goes on on the next row, beside the text's next line: it joins the label it
// continues. A label continues one that ends open (a dash, a comma, "and"), or starts in
// lower case on a row with nothing beside it.
const OPEN_END = /(?:[-‐‑‒–—―−,&/]|\s(?:and|et|y|und|e|of|de))$/u;

function joinWrappedLabels(rows: Row[], edge: number): void {
  for (let index = 1; index < rows.length; index += 1) {
    const row = rows[index]!;
    const previous = rows[index - 1]!;
    const label = row.items.filter((item) => !isRightOf(item, edge));
    const above = previous.items.filter((item) => !isRightOf(item, edge));
    if (label.length === 0 || above.length === 0) continue;
    const fontSize = Math.max(...label.map((item) => item.fontSize));
    if (least(label.map((item) => item.top)) - previous.baseline > fontSize) continue;
    const aboveText = above
      .map((item) => item.text)
      .join(' ')
      .trim();
    const labelText = label
      .map((item) => item.text)
      .join(' ')
      .trim();
    const alone = label.length === row.items.length;
    if (!OPEN_END.test(aboveText) && !(alone && /^\p{Ll}/u.test(labelText))) continue;
    const x = least([...above, ...label].map((item) => item.x));
    const joined: PdfTextItem = { ...above[0]!, text: `${aboveText} ${labelText}`, x, width: most([...above, ...label].map((item) => item.x + item.width)) - x };
    previous.items = [joined, ...previous.items.filter((item) => isRightOf(item, edge))];
    row.items = row.items.filter((item) => isRightOf(item, edge));
  }
}

// A heading set larger than the text, in the margin beside the text's first line ("Profile"
// beside the profile's first sentence, as moderncv sets its sections): the row's first cell,
// larger than the rest by this factor, is a line of its own, which keeps its own size.
const MARGIN_HEADING_SCALE = 1.08;

function marginHeading(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const split = items.findIndex((item, index) => index > 0 && item.x - most(items.slice(0, index).map((i) => i.x + i.width)) > CELL_GAP * Math.min(item.fontSize, items[index - 1]!.fontSize));
  if (split === -1) return [[...items]];
  const [first, rest] = [items.slice(0, split), items.slice(split)];
  const letters = first.reduce((sum, item) => sum + weight(item), 0);
  return dominant(first, (item) => item.fontSize) >= MARGIN_HEADING_SCALE * dominant(rest, (item) => item.fontSize) && letters <= 40 ? [first, rest] : [[...items]];
}

// A run set with letter-spacing ("W O R K", as pdf.js renders tracked capitals): single
// characters, each followed by one space. The word space between two such runs is a gap
// between items, which joins them with a space as usual. Kerned pairs ("AT", "RY") come out
// of pdf.js without their space ("S U M M A RY", "E D U C AT I O N"): letters in pairs
// count too, as long as most of the run is single letters, which no sentence is.
const SPACED_CHARACTERS = /^\S(?: \S){2,}$/u;
const SPACED_LETTERS = /^\p{L}{1,2}(?: \p{L}{1,2}){2,}$/u;

function isLetterSpaced(text: string): boolean {
  if (SPACED_CHARACTERS.test(text)) return true;
  if (!SPACED_LETTERS.test(text)) return false;
  const tokens = text.split(' ');
  return tokens.filter((token) => token.length === 1).length * 4 >= tokens.length * 3;
}

type Direction = 'ltr' | 'rtl';

// Hebrew or Arabic text set by a left-to-right layout (a theme that never sets the page's
// direction) still lines up on the left: its section names and dates stand where a
// left-to-right page puts them, and its cells read from the left. The side that more pieces
// of text share an edge on is the side the layout aligns to.
function alignment(segments: readonly Segment[]): Direction | null {
  const shared = (edges: number[]) => most(edges.map((edge) => edges.filter((other) => Math.abs(other - edge) <= FLUSH_TOLERANCE).length));
  const lefts = shared(segments.map((s) => s.left));
  const rights = shared(segments.map((s) => s.right));
  if (lefts === rights) return null;
  return lefts > rights ? 'ltr' : 'rtl';
}

interface PageShape {
  page: number;
  rightToLeftPage: boolean;
  cellOrder: Direction | null;
  /** The x of a margin of labels beside the text, on pages that have one. */
  edge: number | null;
  /** Where the page's pieces of text set more than CELL_GAP apart start. */
  /** How many cells of the page start at x (within SAME_COLUMN). */
  cellsStartingAt: (x: number) => number;
}

function toLine(drawn: readonly PdfTextItem[], column: number, { page, rightToLeftPage, cellOrder, edge, cellsStartingAt }: PageShape): DraftLine {
  const items = drawn.map((item) => (isLetterSpaced(item.text) ? { ...item, text: item.text.replace(/ /g, '') } : item));
  const cells = splitCells(items, edge, cellsStartingAt);
  const visual = cells.map((cell) => joinVisual(cell.pieces)).join(' ');
  // A line is a right-to-left paragraph when Hebrew/Arabic dominates it, or when it has any
  // on a page where they dominate (a Hebrew CV's line listing "Jira, SQL, Figma").
  // A line without letters (a phone number, a range of years) takes the page's direction.
  const rtl = isRightToLeft(visual) || (rightToLeftPage && (hasRightToLeft(visual) || !/\p{L}/u.test(visual)));
  // Cells read in the layout's direction, else in the paragraph's: right to left, the
  // rightmost cell comes first.
  const ordered = (cellOrder ?? (rtl ? 'rtl' : 'ltr')) === 'rtl' ? [...cells].reverse() : cells;
  const x = least(items.map((item) => item.x));
  const right = most(items.map((item) => item.x + item.width));
  const fontSize = dominant(items, (item) => item.fontSize);
  const fontName = dominant(items, (item) => item.fontName);
  return {
    text: ordered.map((cell) => readingOrder(cell.pieces, rtl, cellOrder)).join('\t'),
    ...(cells.length > 1 ? { cellX: ordered.map((cell) => cell.x), cellEnd: ordered.map((cell) => cell.right) } : {}),
    page,
    x,
    // The top of the line's own text: a bullet or an icon from another font sits higher or
    // lower by its font's ascent, which would make the line seem set apart from its neighbours.
    y: least(items.filter((item) => item.fontName === fontName).map((item) => item.top)),
    width: right - x,
    fontSize,
    bold: majority(items, (item) => item.bold),
    italic: majority(items, (item) => item.italic),
    ...(fontName === undefined ? {} : { fontName }),
    ...(majority(drawn, (item) => isLetterSpaced(item.text)) ? { letterSpaced: true } : {}),
    column,
  };
}

// How far, in ems, a run may start back over the previous one and still continue it (kerning, an italic's overhang).
const OVERLAP = 0.5;
// A gap wider than a word space, in ems, before text that starts a column of cells parts cells...
const COLUMN_GAP = 0.4;
// ...where this many pieces of text on other rows start within this many points of it.
const COLUMN_ROWS = 3;
const SAME_COLUMN = 1;
// A label of a few words opening the row in a size of its own and set apart from the text
// after it by more than this many ems ("Languages   Go, Java, SQL") is a cell of its own,
// though closer than a tab. Bold alone is not enough: a bold lead-in opens many a justified
// line, whose stretched spaces reach this gap too.
const LABEL_CELL_GAP = 0.5;
const LABEL_CELL_WORDS = 3;

interface Cell {
  x: number;
  right: number;
  pieces: VisualPiece[];
}

/**
 * The row's runs of text, split where a gap is wider than CELL_GAP: a space that pdf.js did
 * not emit as a character becomes one; a gap that no sentence has (a tab stop, a flush-right
 * date or town, the next cell of a grid) starts a new cell.
 */
function splitCells(items: readonly PdfTextItem[], edge: number | null, cellsStartingAt: (x: number) => number): Cell[] {
  const cells: Cell[] = [];
  let right = -Infinity;
  let previousSize = Infinity;
  // Words of two letters or more in the current cell, counted as its runs join it.
  let words = 0;
  let previous: PdfTextItem | undefined;
  for (const item of items) {
    const gap = item.x - right;
    const current = cells.at(-1);
    // The text column's edge beside a margin of labels parts cells however close they sit.
    const crossesEdge = edge !== null && right < edge && isRightOf(item, edge);
    // Runs drawn over each other are no phrase: a long address in a narrow column that runs
    // on under the text beside it.
    const overlaps = gap < -OVERLAP * Math.min(item.fontSize, previousSize);
    // A grid cell whose words ran long comes closer than an em to the next, which still starts
    // where that column's cells start on other rows (a title wrapped to fill its cell beside
    // its dates); a bullet or a date set apart from what follows has no words to run long.
    const startsColumn = gap > COLUMN_GAP * item.fontSize && words >= 2 && cellsStartingAt(item.x) >= COLUMN_ROWS;
    const resized = previous !== undefined && Math.abs(previous.fontSize - item.fontSize) >= 0.5;
    const endsLabel = resized && cells.length === 1 && words >= 1 && words <= LABEL_CELL_WORDS && gap > LABEL_CELL_GAP * Math.min(item.fontSize, previousSize);
    // Measured in the smaller text's em: small dates in a margin sit a small gap from a larger title.
    if (!current || crossesEdge || overlaps || startsColumn || endsLabel || gap > CELL_GAP * Math.min(item.fontSize, previousSize)) {
      cells.push({ x: item.x, right: item.x + item.width, pieces: [{ text: item.text, spaceBefore: false }] });
      words = wordsIn(item.text);
    } else {
      current.pieces.push({ text: item.text, spaceBefore: gap > WORD_GAP * item.fontSize });
      current.right = Math.max(current.right, item.x + item.width);
      words += wordsIn(item.text);
    }
    right = Math.max(right, item.x + item.width);
    previousSize = item.fontSize;
    previous = item;
  }
  return cells;
}

const wordsIn = (text: string): number => text.split(/\s+/u).filter((word) => /\p{L}{2}/u.test(word)).length;

/** Counts, for any x, the cells that start there: sorted once per page, searched once per run. */
function cellStartCounter(starts: readonly number[]): (x: number) => number {
  const sorted = [...starts].sort((a, b) => a - b);
  // The index of the first start above the bound (or at it, when `inclusive` is false).
  const firstAbove = (bound: number, inclusive: boolean): number => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (inclusive ? sorted[middle]! <= bound : sorted[middle]! < bound) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (x) => firstAbove(x + SAME_COLUMN, true) - firstAbove(x - SAME_COLUMN, false);
}

const joinVisual = (pieces: readonly VisualPiece[]): string => pieces.map((p, i) => (i > 0 && p.spaceBefore ? ' ' : '') + p.text).join('');

/**
 * A cell's text in reading order: as drawn, or right to left unless it is a left-to-right
 * paragraph. A layout that aligns its Hebrew or Arabic text on the left was left at the
 * default direction, so every paragraph on it is left to right, though few end in a mark
 * that tells (a bullet, a title, a skill never does); elsewhere a sentence ending at the
 * right tells.
 */
function readingOrder(pieces: readonly VisualPiece[], rtl: boolean, layout: Direction | null): string {
  if (!rtl) return joinVisual(pieces);
  if (layout !== 'ltr' && !endsLeftToRight(pieces)) return rightToLeftText(pieces);
  return leftToRightText(pieces.map((piece) => ({ ...piece, text: leftToRightItem(piece.text) })));
}

// Math.min(...values) overflows the stack on the hundreds of thousands of runs a hostile page can hold.
const least = (values: readonly number[]): number => values.reduce((a, b) => Math.min(a, b), Infinity);
const most = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), -Infinity);

const weight = (item: PdfTextItem): number => item.text.replace(/\s/g, '').length;

/** The value carried by the most characters. */
function dominant<T>(items: readonly PdfTextItem[], value: (item: PdfTextItem) => T): T {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(value(item), (counts.get(value(item)) ?? 0) + weight(item));
  return [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function majority(items: readonly PdfTextItem[], flag: (item: PdfTextItem) => boolean): boolean {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const flagged = items.reduce((sum, item) => sum + (flag(item) ? weight(item) : 0), 0);
  return flagged * 2 > total;
}
