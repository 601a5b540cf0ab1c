import { findDateRange } from './date-spans';
import { isKnownLabel } from './field-labels';
import type { BodyStyle, Line } from './lines';
import { isProse, labelled } from './text';

// A list section (jobs, degrees, awards…) as entries. An entry opens with a few short
// lines (title, organisation, dates, place) and goes on with details (bullets, sentences,
// "Label: value" lines). A new entry starts where space sets it apart, where such an
// opening follows details, or where a second set of dates arrives in the same pattern as
// the first entry's.

export interface Entry {
  /** The opening lines: title, organisation, dates, place. */
  head: Line[];
  /** Everything after: bullets, sentences, labelled lines, group labels. */
  body: Line[];
}

/** A label over details ("Technologies: …", "Key achievements") rather than a title. */
export function isDetailLabel(line: Line): boolean {
  const pair = labelled(line.text);
  if (pair) return isKnownLabel(pair.label) || pair.value !== '';
  return isKnownLabel(line.text);
}

function isDetail(line: Line): boolean {
  return line.listItem || isDetailLabel(line) || isProse(line.text);
}

/** Enough room above the line to part it from the previous entry. */
function setApart(line: Line, style: BodyStyle): boolean {
  return line.gapBefore >= style.lineGap * 1.6;
}

const hasDates = (line: Line) => findDateRange(line.text) !== null;

export function splitEntries(lines: readonly Line[], style: BodyStyle): Entry[] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  const open = (from: number): void => {
    const moved = current.splice(from);
    if (current.length > 0) groups.push(current);
    current = moved;
  };
  for (const line of lines) {
    if (current.length > 0) {
      const opening = !isDetail(line);
      const hadDetails = current.some(isDetail);
      const datedAt = current.findIndex(hasDates);
      if (setApart(line, style) || (opening && hadDetails)) open(current.length);
      else if (opening && !hadDetails && datedAt >= 0 && hasDates(line)) {
        // The first entry's dates sat on its n-th line; so do this one's.
        open(Math.max(datedAt + 1, current.length - datedAt));
      }
    }
    current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups.map(toEntry);
}

function toEntry(lines: Line[]): Entry {
  const split = lines.findIndex(isDetail);
  const at = split === -1 ? lines.length : split;
  return { head: lines.slice(0, at), body: lines.slice(at) };
}
