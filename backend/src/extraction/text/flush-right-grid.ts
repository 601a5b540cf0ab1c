import { rewriteRuns } from './line-runs';
import { cellsOf, type DraftLine } from './text-lines';
import { hasRightToLeft } from './visual-to-logical';

// A grid set flush right (skills in a sidebar aligned to the page's right edge, in two
// columns side by side, each under its group's name): every column's cells end at one x
// from row to row while they start wherever their text makes them. Read across, each row
// glues one column's item to the other's ("Bayesian ⇥ R", "hierarchical ⇥ Python"). Such a
// run of rows is read column by column. A table's columns are set flush left, or start at
// one x at least in their first column, so a run whose every column is ragged on the left
// is no table. Right-to-left text is set flush right anyway, and is left alone.

// LineCell edges this close (in points) stand in one column.
const SAME_EDGE = 1.5;
// Rows of one grid lie at most this many of their ems apart, baseline to baseline.
const ROW_STEP = 2;
// A column whose cells start this far apart at least is ragged on the left.
const RAGGED = 2;

const withoutEnds = (line: DraftLine): DraftLine => {
  const { cellEnd: _ends, ...rest } = line;
  return rest;
};

/** The page's lines with every run of rows that holds a flush-right grid read column by column. */
export function readFlushRightGrids(lines: readonly DraftLine[]): DraftLine[] {
  return rewriteRuns(
    lines,
    (all, start) => {
      const run = gridRun(all, start);
      return run && { length: run.lines.length, run };
    },
    (run) => columnByColumn(run.lines, run.ends),
    withoutEnds,
  );
}

function gridRun(lines: readonly DraftLine[], start: number): { lines: DraftLine[]; ends: number[] } | null {
  const first = lines[start]!;
  if (first.cellEnd === undefined || first.cellEnd.length < 2) return null;
  const ends = first.cellEnd;
  const run = [first];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = run.at(-1)!;
    const inStep = line.page === previous.page && line.column === previous.column && line.y > previous.y && line.y - previous.y <= ROW_STEP * Math.max(line.fontSize, previous.fontSize);
    if (!inStep || !cellsOf(line).every((cell) => ends.some((end) => Math.abs(cell.end - end) <= SAME_EDGE))) break;
    run.push(line);
  }
  if (run.some((line) => hasRightToLeft(line.text))) return null;
  // Side by side on two rows at least, the first row's among them.
  if (run.filter((line) => cellsOf(line).length === ends.length).length < 2) return null;
  const ragged = ends.every((end) => {
    const starts = run
      .flatMap(cellsOf)
      .filter((cell) => Math.abs(cell.end - end) <= SAME_EDGE)
      .map((cell) => cell.x);
    return Math.max(...starts) - Math.min(...starts) >= RAGGED;
  });
  return ragged ? { lines: run, ends } : null;
}

// An item too long for its column wraps onto the next row: the piece below goes on in lower
// case or with a bracket, or follows a word broken at its hyphen.
const goesOn = (before: string, after: string): boolean => /^[\p{Ll}\p{Ps}]/u.test(after.trim()) || /\p{L}-$/u.test(before.trim());

function columnByColumn(run: readonly DraftLine[], ends: readonly number[]): DraftLine[] {
  return ends.flatMap((end) => {
    const column: DraftLine[] = [];
    for (const line of run) {
      const cell = cellsOf(line).find((candidate) => Math.abs(candidate.end - end) <= SAME_EDGE);
      if (!cell) continue;
      const above = column.at(-1);
      if (above && above.fontSize === line.fontSize && goesOn(above.text, cell.text)) {
        above.text = /\p{L}-$/u.test(above.text) ? `${above.text}${cell.text}` : `${above.text} ${cell.text}`;
        above.x = Math.min(above.x, cell.x);
        above.width = end - above.x;
        continue;
      }
      const { cellX: _starts, cellEnd: _ends, ...rest } = line;
      column.push({ ...rest, text: cell.text, x: cell.x, width: end - cell.x });
    }
    return column;
  });
}
