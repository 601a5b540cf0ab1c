import { fieldOfLabel, SECTION_FIELDS } from './field-labels';
import { isDocumentTitle, sectionOfHeading, type HeadingKey } from './heading-words';
import type { BodyStyle, Line } from './lines';
import { isAllCaps, wordCount } from './text';

// Splits the lines into the header (name, title, contact: whatever comes before the first
// heading) and sections. A heading needs both: words that name a section, and a look that
// sets it apart from the body text (bigger, bold, capitals, a style, a rule, space above).
// Lines styled exactly like the document's other headings start sections too, even when
// their words are unknown; their content cannot be placed and is kept as unclassified.

export interface Block {
  /** null for a heading whose words name no known section. */
  key: HeadingKey | null;
  /** The heading as the CV writes it. */
  title: string;
  lines: Line[];
}

export interface Sections {
  header: Line[];
  blocks: Block[];
  /** How clearly the headings stood out, 0..1. */
  headingEvidence: Map<Block, number>;
}

interface Candidate {
  line: Line;
  key: HeadingKey;
  evidence: number;
}

const signature = (line: Line) => `${Math.round(line.fontSize * 2)}|${line.bold}|${isAllCaps(line.text)}|${line.headingLevel ?? ''}|${line.column}`;

/** Typographic reasons to read the line as a heading; 0 means it looks like body text. */
function styleEvidence(line: Line, style: BodyStyle): number {
  let evidence = 0;
  if (line.headingLevel !== undefined) evidence += 2;
  if (isSized(line, style) && line.headingLevel === undefined) evidence += 2;
  if (line.bold && !style.bold) evidence += 1;
  if (isAllCaps(line.text)) evidence += 1;
  if (line.underlined) evidence += 2;
  if (/[:：]$/.test(line.text)) evidence += 1;
  if (line.gapBefore >= style.lineGap * 1.4) evidence += 1;
  return evidence;
}

// Set out in the margin: the text under it starts further right. A PDF only: a Word
// document's and a text file's lines carry no position.
const OUTDENT = 5;

function outdented(line: Line, next: Line | undefined): boolean {
  return next !== undefined && next.page === line.page && next.column === line.column && line.width > 0 && next.x >= line.x + OUTDENT;
}

function mayBeHeading(line: Line): boolean {
  return !line.listItem && wordCount(line.text) <= 6 && !/[.!?]$/.test(line.text) && !/@|https?:|www\./.test(line.text);
}

// Plain text has no fonts: where no keyword line is set apart even by capitals, a colon or
// a blank line, a keyword standing alone on its line is all the evidence there is.
function isUnstyled(lines: readonly Line[]): boolean {
  return lines.every((line) => !line.bold && line.headingLevel === undefined && line.fontSize === lines[0]?.fontSize);
}

function keywordHeadings(lines: readonly Line[], style: BodyStyle): Candidate[] {
  const keyed = lines.flatMap((line, index) => {
    const key = mayBeHeading(line) ? sectionOfHeading(line.text) : null;
    return key ? [{ line, key, evidence: styleEvidence(line, style) + (outdented(line, lines[index + 1]) ? 1 : 0) }] : [];
  });
  const bare = isUnstyled(lines) && keyed.filter((candidate) => candidate.evidence > 0).length < 2;
  const candidates = bare ? keyed.map((candidate) => ({ ...candidate, evidence: Math.max(candidate.evidence, 1) })) : withPlainPeers(keyed, style);
  // Where the headings are set larger than the text, a keyword in the text's size is a label
  // inside a section ("Languages:" over a skill list, "Talks" over a talk's bullets); so is
  // one with a colon that most headings lack.
  const sized = candidates.filter((candidate) => isSized(candidate.line, style));
  const colonShare = candidates.filter((candidate) => /[:：]$/.test(candidate.line.text)).length / Math.max(1, candidates.length);
  const entryTitles = entryTitleLooks(lines, candidates);
  return candidates.filter(
    (candidate) =>
      (sized.length < 2 || isSized(candidate.line, style) || candidate.line.underlined) && (colonShare > 0.5 || !/[:：]$/.test(candidate.line.text)) && !entryTitles.has(look(candidate.line)),
  );
}

// The look of a line whatever its column: a sidebar's headings are set like the main column's.
const look = (line: Line) => signature(line).replace(/\|[^|]*$/, '');

/**
 * Looks in another size than the one most keyword lines share, which lines without a
 * heading's words share too: the titles of entries ("Research Assistant" set large and bold
 * like "Backend Intern" and "Barista", under headings set larger still) or the names of skill
 * groups ("Languages" like "Infrastructure" and "Data", set larger than small-capital
 * headings), not headings.
 */
function entryTitleLooks(lines: readonly Line[], candidates: readonly Candidate[]): Set<string> {
  const counts = new Map<string, number>();
  for (const candidate of candidates) counts.set(look(candidate.line), (counts.get(look(candidate.line)) ?? 0) + 1);
  const [headingLook, headingCount] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0]);
  if (headingCount < 2) return new Set();
  const headingSize = candidates.find((candidate) => look(candidate.line) === headingLook)!.line.fontSize;
  const keyword = new Set(candidates.map((candidate) => candidate.line));
  const titles = new Set<string>();
  for (const candidate of candidates) {
    const shared = look(candidate.line);
    if (shared === headingLook || Math.abs(candidate.line.fontSize - headingSize) < 0.5 || titles.has(shared)) continue;
    if (lines.filter((line) => !keyword.has(line) && look(line) === shared).length >= 2) titles.add(shared);
  }
  return titles;
}

// How much of the space above the plainest headings a keyword line must have to join them.
const PEER_GAP = 0.9;

/**
 * The keyword lines set apart by style, and those set exactly like two or more of them
 * with nearly as much space above: headings in the body's font and size are set apart by
 * space alone, and the space above some falls just short of the threshold styleEvidence uses.
 */
function withPlainPeers(keyed: readonly Candidate[], style: BodyStyle): Candidate[] {
  const styled = keyed.filter((candidate) => candidate.evidence > 0);
  return keyed.flatMap((candidate) => {
    if (candidate.evidence > 0) return [candidate];
    const peers = styled.filter((peer) => look(peer.line) === look(candidate.line) && peer.line.gapBefore > 0);
    const least = Math.min(...peers.map((peer) => peer.line.gapBefore));
    const { gapBefore } = candidate.line;
    // A gap of 0: the first line of its column or page, where no space above can show.
    const spaced = gapBefore === 0 || (gapBefore >= least * PEER_GAP && gapBefore > style.lineGap * 1.2);
    return peers.length >= 2 && spaced ? [{ ...candidate, evidence: 1 }] : [];
  });
}

const isSized = (line: Line, style: BodyStyle) => line.headingLevel !== undefined || line.fontSize >= style.fontSize * 1.08;

/** Lines that look exactly like a group of known headings but name no known section. */
function unknownHeadings(lines: readonly Line[], known: readonly Candidate[], style: BodyStyle): Set<Line> {
  const found = new Set<Line>();
  const groups = new Map<string, Line[]>();
  for (const candidate of known) groups.set(signature(candidate.line), [...(groups.get(signature(candidate.line)) ?? []), candidate.line]);
  const first = lines.indexOf(known[0]!.line);
  for (const [shared, members] of groups) {
    const sample = members[0]!;
    const distinctive = sample.headingLevel !== undefined || isSized(sample, style) || isAllCaps(sample.text) || sample.underlined;
    // One known heading is enough to learn the style from when that style stands out on
    // several counts (bigger and bold, or bigger and in capitals): a CV may have a single
    // heading the word lists know ("Experience") beside "Toolbox" and "Selected Work".
    const unmistakable = members.some((line) => styleEvidence(line, style) >= 3 && isSized(line, style));
    if ((members.length < 2 && !unmistakable) || !distinctive) continue;
    const usualGap = Math.min(...members.map((line) => line.gapBefore).filter((gap) => gap > 0));
    for (const line of lines.slice(first + 1)) {
      // A row of cells ("Name / Surname ⇥ Robert J. Harrington", set like the headings in a
      // Europass CV) is a label and its value, not a heading.
      if (members.includes(line) || !mayBeHeading(line) || /\d/.test(line.text) || line.text.includes('\t') || signature(line) !== shared) continue;
      if (line.gapBefore === 0 || !Number.isFinite(usualGap) || line.gapBefore >= usualGap * 0.8) found.add(line);
    }
  }
  for (const candidate of known) found.delete(candidate.line);
  return found;
}

/**
 * A heading too long for a narrow margin goes on to a second line set just like it, right
 * under it and aligned with it ("Selected" over "Publications", flush right in moderncv's
 * margin), while the section's first lines run beside the two: one heading.
 */
function wrapsHeading(first: Line, second: Line): boolean {
  const aligned = Math.abs(first.x - second.x) <= 2 || Math.abs(first.x + first.width - (second.x + second.width)) <= 2;
  const under = second.y - first.y > 0 && second.y - first.y <= first.fontSize * 1.5;
  return first.page === second.page && first.column === second.column && signature(first) === signature(second) && aligned && under;
}

/**
 * A skills heading has its groups under it, and the first may be named like a section
 * ("Skills", then "Languages" over Go, Java, SQL, then "Infrastructure"): a heading right
 * under the skills heading, with nothing between and set no larger, names the first group.
 * A section is never empty. Spoken languages grouped so are taken out of the skills later.
 */
function isFirstSkillGroup(open: Block | null | undefined, above: Block | undefined, aboveLine: Line | undefined, line: Line, key: HeadingKey | null): boolean {
  // Only a group whose name is also a section's that skills hold ("Languages") or none: a
  // Skills heading with nothing under it (icons, rating bars) before "Experience" is its own.
  return (
    (key === null || key === 'languages') &&
    open?.key === 'skills' &&
    open === above &&
    open.lines.length === 0 &&
    aboveLine !== undefined &&
    aboveLine.page === line.page &&
    line.fontSize <= aboveLine.fontSize + 0.5 &&
    !wrapsHeading(aboveLine, line)
  );
}

// How much larger than the text a name is set, at the least.
const NAME_SCALE = 1.4;
// A name takes a line, two where it wraps.
const NAME_LINES = 2;

export function findSections(lines: readonly Line[], style: BodyStyle): Sections {
  const known = keywordHeadings(lines, style);
  const byLine = new Map(known.map((candidate) => [candidate.line, candidate]));
  const unknown = known.length > 0 ? unknownHeadings(lines, known, style) : new Set<Line>();
  const headingSize = Math.max(0, ...known.map((candidate) => candidate.line.fontSize));
  const sizeCount = (size: number) => lines.filter((line) => Math.abs(line.fontSize - size) < 0.5).length;

  const header: Line[] = [];
  const blocks: Block[] = [];
  const headingEvidence = new Map<Block, number>();
  const headingLines = new Map<Block, Line>();
  // Two-column pages come column by column. A column continues the section that was open in
  // the column at the same place on the page before (the main column, not the sidebar);
  // a column of the same page starts outside any section.
  const current = new Map<string, Block | null>();
  // Where each column's lines start, leftmost and rightmost: a heading in the margin and
  // the text indented beside it are one column.
  const columnStarts = new Map<string, { left: number; right: number }>();
  // A column is placed by where its lines start, not by its first line: a page may open
  // with a date set flush right, above the entry it dates.
  const columnLefts = new Map<string, number>();
  for (const line of lines) columnLefts.set(`${line.page}:${line.column}`, Math.min(columnLefts.get(`${line.page}:${line.column}`) ?? Infinity, line.x));
  const opened = (page: number, x: number): Block | null => {
    let closest: { block: Block | null; distance: number } | null = null;
    for (const [key, { left, right }] of columnStarts) {
      const distance = Math.max(0, left - x, x - right);
      if (Number(key.split(':')[0]) === page - 1 && distance < 40 && (!closest || distance < closest.distance)) closest = { block: current.get(key) ?? null, distance };
    }
    return closest?.block ?? null;
  };

  lines.forEach((line, index) => {
    const column = `${line.page}:${line.column}`;
    if (!current.has(column)) current.set(column, opened(line.page, columnLefts.get(column)!));
    const starts = columnStarts.get(column) ?? { left: Infinity, right: -Infinity };
    columnStarts.set(column, { left: Math.min(starts.left, line.x), right: Math.max(starts.right, line.x) });
    const candidate = byLine.get(line);
    const open = current.get(column);
    // "Key achievements" over a job's bullets names a field of the job, not a section.
    // Not when it is set larger than the text, like other headings: "Projects" so set after
    // a job's bullets opens the projects.
    const groupLabel =
      open?.key &&
      lines[index + 1]?.listItem &&
      fieldOfLabel(line.text, SECTION_FIELDS[open.key]) !== null &&
      !(candidate !== undefined && isSized(line, style) && known.some((other) => other.line !== line && look(other.line) === look(line)));
    if ((candidate || unknown.has(line)) && !groupLabel) {
      const above = blocks.at(-1);
      const aboveLine = above && headingLines.get(above);
      if (isFirstSkillGroup(open, above, aboveLine, line, candidate?.key ?? null)) {
        open!.lines.push(line);
        return;
      }
      if (above && aboveLine && wrapsHeading(aboveLine, line)) {
        above.title = `${above.title} ${line.text}`;
        above.key = sectionOfHeading(above.title) ?? candidate?.key ?? above.key;
        headingEvidence.set(above, Math.max(headingEvidence.get(above) ?? 0, Math.min(1, (candidate?.evidence ?? 1) / 3)));
        return;
      }
      const block: Block = { key: candidate?.key ?? null, title: line.text, lines: [] };
      headingLines.set(block, line);
      blocks.push(block);
      headingEvidence.set(block, Math.min(1, (candidate?.evidence ?? 1) / 3));
      current.set(column, block);
      return;
    }
    // A line set larger than every heading (the name) belongs to the header wherever it
    // stands, and so does what follows it up to the next heading: a sidebar or a table
    // cell can put the name after the first sections. Some layouts set their headings
    // smaller than the text (tracked small capitals): an entry's title set a little larger
    // than the text is then no name, which stands out from the text as well. A size many
    // lines share is the entries' titles' (Europass sets job titles larger than its margin
    // headings), not a name's.
    if (blocks.length > 0 && headingSize > 0 && line.fontSize > Math.max(headingSize + 2, style.fontSize * NAME_SCALE) && sizeCount(line.fontSize) <= NAME_LINES) current.set(column, null);
    if (index < 3 && blocks.length === 0 && header.length === 0 && isDocumentTitle(line.text)) return;
    const block = current.get(column);
    if (block) block.lines.push(line);
    else header.push(line);
  });
  return { header, blocks, headingEvidence };
}

/**
 * A name that a table put after the sidebar ("Contact… Skills… Jane Doe / Engineer",
 * then "Profile"): a bold or large name-like line among the last lines of a section, with
 * only short lines after it. Takes those lines out of their section and returns them.
 */
export function displacedHeader(blocks: readonly Block[], style: BodyStyle, isName: (text: string) => boolean): Line[] {
  for (const block of blocks) {
    const tail = block.lines.slice(-3);
    const start = tail.findIndex((line) => !line.listItem && ((line.bold && !style.bold) || line.fontSize > style.fontSize + 1) && isName(line.text));
    const moved = start === -1 ? [] : tail.slice(start);
    if (moved.length > 0 && moved.slice(1).every((line) => !line.listItem && wordCount(line.text) <= 10)) {
      block.lines.splice(block.lines.length - moved.length);
      return moved;
    }
  }
  return [];
}
