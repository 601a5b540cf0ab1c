import type { Entry } from './entries';
import { INDENT, type BodyStyle } from './lines';

// Bullets a PDF draws as graphics leave no glyph, only their indent. lines.ts finds them
// against the column's edge, which is the edge most lines share; where a section's
// bullets outnumber its titles, headings and paragraphs (a sidebar layout whose main
// column is mostly job bullets), the bullets' own edge wins and nothing is indented. The
// entry tells it locally: a line of its details set a little in from where its opening
// lines start hangs under them as a list item.

export function withIndentedItems(entry: Entry, style: BodyStyle): Entry {
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
