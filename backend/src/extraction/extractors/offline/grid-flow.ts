import { findDateRange, findDates } from './date-spans';
import type { Line } from './lines';

// A layout that sets a section as a grid of cells ("School | dates" pairs, three cells to a
// row) lets the entries run on from cell to cell: "Cambridge | 2004 – 2008 | Uppsala" over
// "2002 – 2004 | Uppsala | 1999 – 2002". Read cell after cell, names and dates alternate,
// and each name with the dates after it is one entry's head.

type Kind = 'name' | 'date';

interface Cell {
  text: string;
  x: number;
  kind: Kind;
}

function kindOf(text: string): Kind | null {
  const found = findDateRange(text);
  if (found && found.start === 0 && found.end === text.length) return 'date';
  return findDates(text).length === 0 ? 'name' : null;
}

/** The line's cells, or null when one of them is neither a name nor dates alone. */
function cellsOf(line: Line): Cell[] | null {
  const texts = line.text.split('\t').map((text) => text.trim());
  const xs = texts.length === 1 ? [line.x] : line.cellX;
  if (!xs || xs.length !== texts.length) return null;
  const cells = texts.map((text, index) => ({ text, x: xs[index]!, kind: kindOf(text) }));
  return cells.every((cell): cell is Cell => cell.kind !== null) ? cells : null;
}

const alternates = (cells: readonly Cell[]): boolean => cells.every((cell, index) => cell.kind === (index % 2 === 0 ? 'name' : 'date'));

/** The section's lines with each run of grid rows holding several entries read as one line per entry. */
export function unflowedGrid(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const first = cellsOf(lines[index]!);
    // A row of more than one entry: a name, its dates and the next entry's name at least.
    if (!first || first.length < 3 || !alternates(first)) {
      out.push(lines[index]!);
      continue;
    }
    const row = lines[index]!;
    const cells = [...first];
    // The row ends on a name: the next row opens with its dates.
    while (cells.length % 2 === 1) {
      const next = lines[index + 1] && cellsOf(lines[index + 1]!);
      if (!next || next[0]?.kind !== 'date' || !alternates([...cells, ...next])) break;
      cells.push(...next);
      index += 1;
    }
    // "Acme\t2019 – 2021\tBerlin" alone is one entry with its town: the run must hold two whole entries.
    if (cells.length < 4) {
      out.push(row);
      continue;
    }
    // Each entry is set as the first one is, in the grid's first two cells, so that it reads
    // as an entry of its own and not as a detail of the one before.
    const [nameX, datesX] = [first[0]!.x, first[1]!.x];
    for (let pair = 0; pair < cells.length; pair += 2) {
      const [name, dates] = [cells[pair]!, cells[pair + 1]];
      out.push({ ...row, text: dates ? `${name.text}\t${dates.text}` : name.text, cellX: dates ? [nameX, datesX] : undefined, x: nameX });
    }
  }
  return out;
}
