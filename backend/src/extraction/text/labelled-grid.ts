import { rewriteRuns } from './line-runs';
import { cellsOf, type DraftLine, type LineCell } from './text-lines';

// A grid of labelled columns: a row of labels set larger than the values under them,
// each over its own column of values ("Languages ⇥ Tools" over "Python · Go ⇥ Docker",
// "English ⇥ Spanish" over "Native ⇥ Fluent"), as themes set skills, languages and
// interests side by side. Read across, the labels come out glued into one name and their
// values into one list; read column by column, each label heads its own values.
//
// A table row of an entry ("Company ⇥ City" over "Title ⇥ Dates") has the same shape, so
// the grid must show what a table row does not: labels without a year, each standing where
// its values start (a town or date set flush right starts wherever its width puts it).

// Rows of one grid lie at most this many of the values' ems apart (tags set as pills are
// padded well beyond a line's leading).
const ROW_STEP = 2.5;
// A value may start this many of its ems in from its label (a pill's padding), no more.
const INDENT = 1;
// Points of slack for positions that should coincide.
const SLACK = 2;
// Labels are names of a few words.
const LABEL_WORDS = 5;
const YEAR = /\b(?:19|20)\d\d\b/u;

const isLabel = (cell: LineCell): boolean => {
  const text = cell.text.trim();
  return text !== '' && !YEAR.test(text) && text.split(/\s+/u).length <= LABEL_WORDS;
};

// The labels are set larger than the values. Bold alone is no sign: a table's rows
// ("English ⇥ Native" over "Spanish ⇥ Fluent") may open with a bold one, and are read across.
const LARGER = 0.5;
const larger = (label: DraftLine, value: DraftLine): boolean => label.fontSize - value.fontSize >= LARGER;

// A single row of values in the labels' size is told apart by what no table row shows: set
// in italics under upright labels ("Swedish ⇥ English" over "Native ⇥ Fluent"), or every
// value a web address ("ORCID ⇥ Google Scholar" over their links). Each value then stands
// exactly where its label starts.
const WEB_ADDRESS = /^(?:https?:\/\/)?[\w.-]+\.\p{L}{2,}(?:\/\S*)?$/u;
const subordinate = (label: DraftLine, value: DraftLine): boolean => (value.italic && !label.italic) || cellsOf(value).every((cell) => WEB_ADDRESS.test(cell.text.trim()));
const setApart = (label: DraftLine, value: DraftLine): boolean => larger(label, value) || subordinate(label, value);

const sameType = (a: DraftLine, b: DraftLine): boolean => a.bold === b.bold && Math.abs(a.fontSize - b.fontSize) < 0.5;

/** The lines, with every grid of labelled columns read column by column. */
export function readLabelledGrids(lines: readonly DraftLine[]): DraftLine[] {
  return rewriteRuns(
    lines,
    (all, start) => {
      const rows = gridAt(all, start);
      return rows && { length: rows.length + 1, run: { head: all[start]!, rows } };
    },
    ({ head, rows }) => columnByColumn(head, rows),
  );
}

/** The value rows under the labels at `start`, when that line heads a grid of labelled columns. */
function gridAt(lines: readonly DraftLine[], start: number): DraftLine[] | null {
  const head = lines[start]!;
  const labels = cellsOf(head);
  if (labels.length < 2 || !labels.every(isLabel)) return null;
  const rows: DraftLine[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = rows.at(-1) ?? head;
    const first = rows[0] ?? line;
    const inStep = line.page === previous.page && line.column === previous.column && line.y > previous.y && line.y - previous.y <= ROW_STEP * line.fontSize;
    const inGrid = cellsOf(line).every((cell) => cell.x >= labels[0]!.x - SLACK && !YEAR.test(cell.text));
    if (!inStep || !inGrid || !setApart(head, line) || !sameType(first, line)) break;
    rows.push(line);
  }
  if (rows.length === 0) return null;
  if (!larger(head, rows[0]!)) return rows.length === 1 && pairedCells(labels, cellsOf(rows[0]!)) && !inTable(lines, start) ? rows : null;
  // Each label stands where its first value starts.
  const regions = labelRegions(labels);
  const aligned = regions.every((region) => {
    const firstValue = rows.flatMap(cellsOf).find((cell) => inRegion(cell, region));
    return firstValue !== undefined && firstValue.x - region.x <= INDENT * rows[0]!.fontSize + SLACK;
  });
  return aligned ? rows : null;
}

const pairedCells = (labels: readonly LineCell[], values: readonly LineCell[]): boolean =>
  values.length === labels.length && values.every((value, index) => Math.abs(value.x - labels[index]!.x) <= SLACK);

// A table's rows may change style from one to the next ("Inglés ⇥ C1" over an italic
// "Francés ⇥ B1"): a pair of rows with a row of the same cells just above or below it is
// part of a table, read across.
function inTable(lines: readonly DraftLine[], start: number): boolean {
  const head = lines[start]!;
  const labels = cellsOf(head);
  return [lines[start - 1], lines[start + 2]].some(
    (line) => line !== undefined && line.page === head.page && line.column === head.column && Math.abs(line.y - head.y) <= 2 * ROW_STEP * head.fontSize && pairedCells(labels, cellsOf(line)),
  );
}

interface Region {
  text: string;
  x: number;
  /** Where the next label starts (Infinity for the last). */
  end: number;
}

const labelRegions = (labels: readonly LineCell[]): Region[] => labels.map((label, index) => ({ text: label.text, x: label.x, end: labels[index + 1]?.x ?? Infinity }));

const inRegion = (cell: LineCell, region: Region): boolean => cell.x >= region.x - SLACK && cell.x < region.end - SLACK;

function columnByColumn(head: DraftLine, rows: readonly DraftLine[]): DraftLine[] {
  const right = Math.max(head.x + head.width, ...rows.map((line) => line.x + line.width));
  return labelRegions(cellsOf(head)).flatMap((region) => {
    const width = Math.min(region.end, right) - region.x;
    const { cellX: _labels, ...label } = head;
    const values = rows.flatMap((row): DraftLine[] => {
      const cells = cellsOf(row).filter((cell) => inRegion(cell, region));
      if (cells.length === 0) return [];
      const { cellX: _cells, ...rest } = row;
      // Tags side by side within a column stay cells of one line.
      const cellX = cells.length > 1 ? { cellX: cells.map((cell) => cell.x) } : {};
      return [{ ...rest, text: cells.map((cell) => cell.text).join('\t'), ...cellX, x: cells[0]!.x, width: Math.min(region.end, right) - cells[0]!.x }];
    });
    return [{ ...label, text: region.text, x: region.x, width }, ...values];
  });
}
