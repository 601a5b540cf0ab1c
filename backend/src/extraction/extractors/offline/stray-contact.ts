import { findEmail, findPhone, findUrl, placeOnly } from './contact-fields';
import type { Line } from './lines';
import { wordCount } from './text';

// Sidebars set the address, phone and e-mail under an "About" or "Profile" heading, which
// names the summary. Such lines are contact details by their form wherever they sit; a short
// place name set with them ("Chicago IL" over the e-mail) is the person's town.

const isDetail = (text: string): boolean => findEmail(text)?.[0] === text || findUrl(text) === text || findPhone(text) === text;

/** The lines of a summary section that are contact details, with a town that stands next to them. */
export function contactLinesAmong(lines: readonly Line[]): Line[] {
  const details = new Set(lines.filter((line) => isDetail(line.text)));
  if (details.size === 0) return [];
  const isTownBeside = (line: Line, index: number) =>
    wordCount(line.text) <= 3 && placeOnly(line.text) !== null && [lines[index - 1], lines[index + 1]].some((neighbour) => neighbour !== undefined && details.has(neighbour));
  return lines.filter((line, index) => details.has(line) || isTownBeside(line, index));
}
