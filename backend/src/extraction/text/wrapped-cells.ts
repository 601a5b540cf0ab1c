import { cellsOf, type DraftLine, type LineCell } from './text-lines';

// Some layouts set an entry's first lines as a row of cells: its title, its dates, and
// then its text (a description, the first bullet) in a third cell that wraps onto the lines
// below, each starting at that cell's x ("Engineer ⇥ 2019 - Present ⇥ Led the lab of six"
// over "postdocs and two engineers."). Read across, the text is glued to the title and
// dates. Such a row is told by its last cell going on below: a line under it that starts
// at that cell's x alone, or one that holds the other cells' next lines too (the title
// wraps in its cell) where the last cell's piece starts with a word in lower case or a
// bracket, or follows a word broken at a hyphen or a dash. The cells before it stay one
// line, each joined with its next lines, and the text becomes lines of its own. A row of two cells is left alone: a date in a
// margin beside its text is read across on purpose.

// Cells this close (in points) stand in one column.
const SAME_X = 1;
// Rows of one entry lie at most this many of their ems apart, baseline to baseline.
const ROW_STEP = 1.6;
// Cells a row needs: a title, its dates, and the text beside them.
const MIN_CELLS = 3;

const goesOn = (before: string, after: string): boolean => /^[\p{Ll}\p{Ps}]/u.test(after.trim()) || /[\p{L}\p{N}][-‐‑–—]$/u.test(before.trim());

/** The lines with each row whose last cell wraps below it parted into its first cells and that cell's text. */
export function splitWrappedLastCells(lines: readonly DraftLine[]): DraftLine[] {
  const result: DraftLine[] = [];
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    const cells = cellsOf(first);
    const run = cells.length >= MIN_CELLS ? wrappedRun(lines, index, cells) : [];
    if (run.length === 0) {
      result.push(first);
      index += 1;
      continue;
    }
    result.push(...parted(first, cells, run));
    index += 1 + run.length;
  }
  return result;
}

/** The lines under the row that go on its cells, when its last cell goes on among them. */
function wrappedRun(lines: readonly DraftLine[], start: number, cells: readonly LineCell[]): DraftLine[] {
  const first = lines[start]!;
  const lastX = cells.at(-1)!.x;
  const run: DraftLine[] = [];
  let lastText = cells.at(-1)!.text;
  let wraps = false;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    const previous = run.at(-1) ?? first;
    const inStep = line.page === first.page && line.column === first.column && line.fontSize === first.fontSize && line.y - previous.y <= ROW_STEP * line.fontSize;
    const below = cellsOf(line);
    if (!inStep || !below.every((cell) => cells.some((other) => Math.abs(cell.x - other.x) <= SAME_X))) break;
    const tail = below.find((cell) => Math.abs(cell.x - lastX) <= SAME_X);
    // A line that starts at the last cell's x alone holds more of that cell; one that goes on
    // the other cells too (a title's second line) must show that the last cell wraps.
    if (!tail || (below.length > 1 && !goesOn(lastText, tail.text))) break;
    wraps = true;
    lastText = tail.text;
    run.push(line);
  }
  return wraps ? run : [];
}

function parted(first: DraftLine, cells: readonly LineCell[], run: readonly DraftLine[]): DraftLine[] {
  const lastX = cells.at(-1)!.x;
  const rows = [first, ...run];
  const columns = cells.slice(0, -1).map((cell) =>
    rows
      .flatMap(cellsOf)
      .filter((other) => Math.abs(other.x - cell.x) <= SAME_X)
      .map((other) => other.text)
      .join(' '),
  );
  const { cellX: _cells, ...geometry } = first;
  const head: DraftLine = {
    ...geometry,
    text: columns.join('\t'),
    ...(columns.length > 1 ? { cellX: cells.slice(0, -1).map((cell) => cell.x) } : {}),
    width: lastX - first.x,
  };
  const right = Math.max(...rows.map((line) => line.x + line.width));
  const text = rows.flatMap((line): DraftLine[] => {
    const tail = cellsOf(line).find((cell) => Math.abs(cell.x - lastX) <= SAME_X);
    if (!tail) return [];
    const { cellX: _lineCells, ...rest } = line;
    return [{ ...rest, text: tail.text, x: tail.x, width: right - tail.x }];
  });
  return [head, ...text];
}
