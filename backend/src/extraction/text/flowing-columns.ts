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
      const run = flowingRun(all, start) ?? bulletedRun(all, start);
      return run && { length: run.lines.length, run };
    },
    (run) => columnByColumn(run.lines, run.positions, run.columnOf),
  );
}

interface FlowingRun {
  lines: DraftLine[];
  positions: number[];
  /** The column a cell starting at x stands in, or -1. */
  columnOf: (x: number) => number;
}

const atPosition =
  (positions: readonly number[]) =>
  (x: number): number =>
    positions.findIndex((position) => Math.abs(x - position) <= SAME_X);

/** The run of rows that starts at `start` with cells at shared x, when its rows show a flowing list. */
function flowingRun(lines: readonly DraftLine[], start: number): FlowingRun | null {
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
  return shown ? { lines: run, positions, columnOf: atPosition(positions) } : null;
}

function columnByColumn(run: readonly DraftLine[], positions: readonly number[], columnOf: (x: number) => number): DraftLine[] {
  const right = Math.max(...run.map((line) => line.x + line.width));
  const columns = positions.map((x, column) => {
    // Without the cells' own widths, a column reaches to the next one's start.
    const width = (positions[column + 1] ?? right) - x;
    return run.flatMap((line) => {
      // Justified text in a narrow column can stretch a word space into a cell gap: the
      // pieces of one column's row are one line again.
      const cells = cellsOf(line).filter((cell) => columnOf(cell.x) === column);
      if (cells.length === 0) return [];
      const { cellX: _cells, cellEnd: _ends, ...rest } = line;
      return [{ ...rest, text: cells.map((cell) => cell.text).join(' '), x: cells[0]!.x, width }];
    });
  });
  const bulleted = columns.flat().some(opensItem);
  return columns.reduce((read, column) => {
    // An item the column before could not hold goes on at the top of the next, where
    // nothing ties it to its start but the missing bullet.
    const tail = bulleted ? column.findIndex(opensItem) : 0;
    const carried = tail === -1 ? column : column.slice(0, tail);
    const last = read.at(-1);
    if (!last || carried.length === 0) return [...read, ...column];
    const joined = { ...last, text: carried.reduce((text, line) => carryOn(text, line.text), last.text) };
    return [...read.slice(0, -1), joined, ...column.slice(carried.length)];
  }, []);
}

// A word cut at a column's foot goes on at the top of the next: "HubS-" over "pot".
const CUT_WORD = /(?<=\p{L})-$/u;
const carryOn = (text: string, tail: string): string => (CUT_WORD.test(text) && /^\p{Ll}/u.test(tail) ? text.slice(0, -1) + tail : `${text} ${tail}`);

const opensItem = (line: DraftLine): boolean => opens(line.text);
const opens = (text: string): boolean => splitBullet(text.trim()).listItem || ROW_DASH.test(text.trim());
// An em dash opening cells side by side marks items as a bullet does: nobody signs a
// quotation in a grid (see splitBullet for why an em dash alone is not always one).
const ROW_DASH = /^—\s/u;

// The steps between the columns of a list whose column starts are known only in part: a
// column may hold no item's start, only the tail of the item before it (multicols and CSS
// columns set their columns at equal distances).
const STEP_FRACTIONS = [1, 2];

/**
 * A bulleted list set in columns whose items wrap under their text, not their bullet (a
 * hanging indent): the rows' cells stand at a column's start, at its hang, or after a
 * stretched space of justified text. Each column's start is a bullet's x, or the hang
 * before an item's tail carried over from the column before.
 */
function bulletedRun(lines: readonly DraftLine[], start: number): FlowingRun | null {
  const first = lines[start]!;
  if (cellsOf(first).length < 2 || !opens(cellsOf(first)[0]!.text)) return null;
  const candidates = [first];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = candidates.at(-1)!;
    const inStep = line.page === previous.page && line.column === previous.column && line.y - previous.y <= ROW_STEP * Math.max(line.fontSize, previous.fontSize);
    if (!inStep || line.fontSize !== first.fontSize || line.x < first.x - SAME_X) break;
    candidates.push(line);
  }
  const bullets = distinct(
    candidates.flatMap((line) =>
      cellsOf(line)
        .filter((cell) => opens(cell.text))
        .map((cell) => cell.x),
    ),
  );
  if (bullets.length < 2) return null;
  // How far a wrapped line of the first column starts in from its bullet.
  const hang =
    candidates
      .slice(1)
      .map((line) => cellsOf(line)[0]!)
      .filter((cell) => !opens(cell.text))
      .map((cell) => cell.x - first.x)
      .find((indent) => indent > SAME_X && indent <= 2 * first.fontSize) ?? 0;
  const step = Math.min(...bullets.slice(1).map((x, index) => x - bullets[index]!));
  const onGrid = (x: number) =>
    STEP_FRACTIONS.some((fraction) => {
      const unit = step / fraction;
      const steps = Math.round((x - bullets[0]!) / unit);
      return steps > 0 && Math.abs(x - bullets[0]! - steps * unit) <= SAME_X;
    });
  const tails =
    hang === 0
      ? []
      : candidates.flatMap((line) =>
          cellsOf(line)
            .filter((cell) => !opens(cell.text) && onGrid(cell.x - hang))
            .map((cell) => cell.x - hang),
        );
  const positions = distinct([...bullets, ...tails]);
  const columnOf = (x: number) => positions.filter((position) => position <= x + SAME_X).length - 1;
  // Every column's first cell in a row stands at its start (opening an item) or at its hang.
  const fits = (line: DraftLine) =>
    cellsOf(line).every((cell, index, cells) => {
      const column = columnOf(cell.x);
      if (index > 0 && columnOf(cells[index - 1]!.x) === column) return true;
      const offset = cell.x - positions[column]!;
      return opens(cell.text) ? Math.abs(offset) <= SAME_X : hang > 0 && Math.abs(offset - hang) <= SAME_X;
    });
  const misfit = candidates.findIndex((line) => !fits(line));
  if (misfit === 0) return null;
  return { lines: misfit === -1 ? candidates : candidates.slice(0, misfit), positions, columnOf };
}

/** The xs, sorted, those within SAME_X of one another taken once. */
function distinct(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b).filter((x, index, sorted) => index === 0 || x - sorted[index - 1]! > SAME_X);
}
