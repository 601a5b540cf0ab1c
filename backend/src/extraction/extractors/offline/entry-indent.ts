import type { Entry } from './entries';
import { dateRank } from './entry-head';
import { INDENT, type BodyStyle, type Line } from './lines';

// Bullets a PDF draws as graphics leave no glyph, only their indent. lines.ts finds them
// against the column's edge, which is the edge most lines share; where a section's
// bullets outnumber its titles, headings and paragraphs (a sidebar layout whose main
// column is mostly job bullets), the bullets' own edge wins and nothing is indented. The
// entry tells it locally: a line of its details set a little in from where its opening
// lines start hangs under them as a list item.

// Some layouts set an entry's text in a cell of its own beside its opening row ("Engineer ⇥
// 2019 - Present" with "Led the lab of six" to their right, parted by wrapped-cells.ts): such
// text stands on that row, right of where the row's title and dates end (dates set there are
// the row's own, a little off its baseline). It is a detail, never a name; and where list
// items follow it among the details, it is the list's first item, its bullet drawn as a
// graphic as theirs are.

// Points of slack between the row's end and the text's start; a fraction of an em between baselines.
const SLACK = 2;
const SAME_ROW_EMS = 0.5;

/** The line stands beside a row of cells (title and dates) as the text of the entry they open. */
export function setBeside(line: Line, row: Line): boolean {
  return (
    dateRank(line.text) === 0 &&
    row.text.includes('\t') &&
    line.page === row.page &&
    line.column === row.column &&
    Math.abs(line.y - row.y) <= SAME_ROW_EMS * line.fontSize &&
    line.x >= row.x + row.width - SLACK
  );
}

export function withIndentedItems(entry: Entry, style: BodyStyle): Entry {
  return withItemBeside(withHangingItems(entry, style));
}

function withItemBeside(entry: Entry): Entry {
  const [first, ...rest] = entry.body;
  const row = entry.head.at(-1);
  if (!first || !row || first.listItem || !setBeside(first, row) || !rest.some((line) => line.listItem)) return entry;
  return { head: entry.head, body: [{ ...first, listItem: true }, ...rest] };
}

function withHangingItems(entry: Entry, style: BodyStyle): Entry {
  const heads = entry.head.filter((line) => line.width > 0);
  if (heads.length === 0 || entry.body.length === 0) return entry;
  const edge = Math.min(...heads.map((line) => line.x));
  const hangs = (line: Entry['body'][number]) => {
    const indent = line.x - edge;
    return line.column === heads[0]!.column && indent >= INDENT.min && indent <= INDENT.maxEms * line.fontSize && line.fontSize <= style.fontSize + 0.5 && !(line.bold && !style.bold);
  };
  if (!entry.body.some((line) => !line.listItem && hangs(line))) return entry;
  return { head: entry.head, body: entry.body.map((line) => (!line.listItem && hangs(line) ? { ...line, listItem: true } : line)) };
}
