import { rewriteRuns } from './line-runs';
import { cellsOf, splitBullet, type DraftLine, type LineCell } from './text-lines';

// A list set in CSS columns flows down its first column, then down the next, side by side:
// each row holds a piece of every column ("item A ⇥ · item B", then "A goes on ⇥ B goes
// on"), its cells standing at the same x from row to row. Read across, the items come out
// cut into pieces and glued to their neighbours'. Rows of a table share their cells' x as
// well ("Company ⇥ City" over "Title ⇥ Dates"), so a run of such rows is only read column
// by column where its rows show the flow: a row whose every cell opens an item (a bullet)
// or goes on with one (a lower-case letter, an opening bracket), which no table row does.

// Cells this close (in points) stand in one column.
const SAME_X = 1;
// Rows of one run lie at most this many of their ems apart, baseline to baseline.
const ROW_STEP = 2;
const CONTINUES = /^[\p{Ll}\p{Ps}]/u;

const flows = (cell: LineCell): boolean => {
  const text = cell.text.trim();
  return splitBullet(text).listItem || CONTINUES.test(text);
};

/** The page's lines, with every run of rows that holds a list set in columns read column by column. */
export function readFlowingColumns(lines: readonly DraftLine[]): DraftLine[] {
  return rewriteRuns(
    lines,
    (all, start) => {
      const run = flowingRun(all, start);
      return run && { length: run.lines.length, run };
    },
    (run) => columnByColumn(run.lines, run.positions),
  );
}

/** The run of rows that starts at `start` with cells at shared x, when its rows show a flowing list. */
function flowingRun(lines: readonly DraftLine[], start: number): { lines: DraftLine[]; positions: number[] } | null {
  const first = lines[start]!;
  const positions = cellsOf(first).map((cell) => cell.x);
  if (positions.length < 2) return null;
  const run = [first];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = run.at(-1)!;
    const inStep = line.page === previous.page && line.column === previous.column && line.y - previous.y <= ROW_STEP * Math.max(line.fontSize, previous.fontSize);
    // A column that ends first leaves rows with fewer cells, each still at a column's x.
    const aligned = cellsOf(line).every((cell) => positions.some((x) => Math.abs(cell.x - x) <= SAME_X));
    if (!inStep || !aligned || line.fontSize !== first.fontSize) break;
    run.push(line);
  }
  // Side by side on two rows at least: one row's cells can meet by chance (an address in a
  // margin beside a line of text).
  const sideBySide = run.filter((line) => cellsOf(line).length === positions.length).length >= 2;
  const shown = sideBySide && run.some((line) => line.cellX !== undefined && cellsOf(line).every(flows));
  return shown ? { lines: run, positions } : null;
}

function columnByColumn(run: readonly DraftLine[], positions: readonly number[]): DraftLine[] {
  const right = Math.max(...run.map((line) => line.x + line.width));
  const columns = positions.map((x, column) => {
    // Without the cells' own widths, a column reaches to the next one's start.
    const width = (positions[column + 1] ?? right) - x;
    return run.flatMap((line) =>
      cellsOf(line)
        .filter((cell) => Math.abs(cell.x - x) <= SAME_X)
        .map((cell): DraftLine => {
          const { cellX: _cells, ...rest } = line;
          return { ...rest, text: cell.text, x: cell.x, width };
        }),
    );
  });
  const bulleted = columns.flat().some(opensItem);
  return columns.reduce((read, column) => {
    // An item the column before could not hold goes on at the top of the next, where
    // nothing ties it to its start but the missing bullet.
    const tail = bulleted ? column.findIndex(opensItem) : 0;
    const carried = tail === -1 ? column : column.slice(0, tail);
    const last = read.at(-1);
    if (!last || carried.length === 0) return [...read, ...column];
    const joined = { ...last, text: [last.text, ...carried.map((line) => line.text)].join(' ') };
    return [...read.slice(0, -1), joined, ...column.slice(carried.length)];
  }, []);
}

const opensItem = (line: DraftLine): boolean => splitBullet(line.text.trim()).listItem;
