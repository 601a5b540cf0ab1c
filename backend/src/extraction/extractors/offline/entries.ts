import { findEmail, findPhone, findUrl } from './contact-fields';
import { findDateRanges, withoutDates } from './date-spans';
import { dateRank } from './entry-head';
import { setBeside, withIndentedItems } from './entry-indent';
import { isKnownLabel } from './field-labels';
import { INDENT, sameType, type BodyStyle, type Line } from './lines';
import { isDegree, isInstitution, organisationEvidence, roleEvidence } from './roles';
import { isProse, labelled, splitParts, tidy, wordCount } from './text';

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

/**
 * A label over details ("Technologies: …", "Key achievements") rather than a title. Only
 * known labels count: names have colons too ("Microsoft Certified: Data Analyst").
 */
function isDetailLabel(line: Line): boolean {
  return isKnownLabel(labelled(line.text)?.label ?? line.text);
}

/** A known label with nothing after it: what follows is its value or its group of bullets. */
function isBareLabel(line: Line): boolean {
  return isDetailLabel(line) && !labelled(line.text)?.value;
}

/** The line ends with dates, as an entry's opening does ("…, granted 2022", "… Jan 2019 – Present"). */
function endsWithDates(line: Line): boolean {
  const last = findDateRanges(line.text).at(-1);
  return last !== undefined && tidy(line.text.slice(last.end)) === '';
}

/** Nothing but web addresses, emails and phones: "a.bello@ed.ac.uk · +44 131 650 5500". */
function isContactLine(text: string): boolean {
  return splitParts(text).every((part) => findUrl(part) === part || findEmail(part)?.[0] === part || findPhone(part) === part);
}

/**
 * Bullets, labelled lines, contact details and sentences; a bold line is a title, however
 * long, and so is a bold item that is no sentence: classes that set a section as a list
 * (LaTeX's curve) mark each entry's name with a bullet.
 */
function isDetail(line: Line, previous: Line | undefined, style: BodyStyle, labelledDetails: boolean): boolean {
  if (previous && setBeside(line, previous)) return true;
  const title = line.bold && !style.bold;
  if ((line.listItem && !(title && !isProse(line.text))) || isDetailLabel(line) || isContactLine(line.text)) return true;
  if (labelledDetails && isLabelledDetail(line, style)) return true;
  // Month names are words in lower case in many languages ("janv. 2016 – août 2020"): they
  // would make an entry's opening read like a sentence.
  return isProse(withoutDates(line.text)) && !endsWithDates(line) && !title;
}

/**
 * "Customers: Deutsche Bahn, Siemens", "Key result: zero-downtime migration": a short label
 * with its value, set like the body, is a detail of the entry above whatever the label says,
 * unless the section's entries themselves open with such lines (see labelsOpenEntries).
 */
function isLabelledDetail(line: Line, style: BodyStyle): boolean {
  const pair = labelled(line.text);
  return pair !== null && pair.value !== '' && wordCount(pair.label) <= 4 && !(line.bold && !style.bold) && !endsWithDates(line);
}

// "Microsoft Certified: Azure Data Engineer" opening a certifications section: when the
// section's first line is a labelled line, such lines name its entries.
function labelsOpenEntries(lines: readonly Line[], style: BodyStyle): boolean {
  const first = lines[0];
  return first !== undefined && isLabelledDetail(first, style) && !isDetailLabel(first);
}

/**
 * Enough room above the line to part it from the previous entry. Some classes space a list's
 * items as widely as entries (LaTeX's \itemsep): an item indented under the entry's first
 * line still belongs to that entry, however far below it stands.
 */
function setApart(line: Line, current: readonly Line[], style: BodyStyle): boolean {
  const first = current[0];
  const underHead = line.listItem && first !== undefined && !first.listItem && first.page === line.page && first.column === line.column && line.x > first.x + 2;
  return line.gapBefore >= style.lineGap * 1.6 && !underHead;
}

// A line that opens on a joining word in lower case ("by MHacks 16", "at Acme") goes on
// with the entry above: no name starts so.
const GOES_ON = /^(?:by|at|for|of|in|with|from|von|bei|für|par|chez|pour|por|para|en)\s/u;

/** A bold line like the section's first (an entry's title) after plain lines opens the next entry. */
function repeatsOpening(line: Line, first: Line | undefined, current: readonly Line[], style: BodyStyle): boolean {
  const bold = (candidate: Line) => candidate.bold && !style.bold;
  return first !== undefined && bold(first) && bold(line) && Math.abs(line.fontSize - first.fontSize) < 0.3 && current.some((earlier) => !bold(earlier)) && !GOES_ON.test(line.text);
}

/** Set where and as the other line is: the same left edge, size and weight. */
const setLike = (line: Line, other: Line): boolean => Math.abs(line.x - other.x) <= 1 && sameType(line, other);

export interface SplitOptions {
  /**
   * Whether any short "Label: value" line is a detail. True for sections of jobs, degrees and
   * projects, whose names rarely hold a colon; false where names do ("Microsoft Certified:
   * Azure Fundamentals"), so only known labels are details there.
   */
  labelledDetails?: boolean;
}

export function splitEntries(rows: readonly Line[], style: BodyStyle, { labelledDetails = false }: SplitOptions = {}): Entry[] {
  const lines = rows.flatMap(withoutLabelledCell);
  const labelsOpen = labelsOpenEntries(lines, style);
  const detail = new Map(lines.map((line, index) => [line, isDetail(line, lines[index - 1], style, labelledDetails && !labelsOpen)]));
  const rankOf = new Map(lines.map((line) => [line, dateRank(line.text)]));
  const groups: Line[][] = [];
  let current: Line[] = [];
  const open = (from: number): void => {
    const moved = current.splice(from);
    if (current.length > 0) groups.push(current);
    current = moved;
  };
  // The first line set in under a bare label ("Highlights"): the group's first item.
  let groupItem: Line | undefined;
  for (const line of lines) {
    if (current.length > 0) {
      const last = current.at(-1)!;
      const title = line.bold && !style.bold;
      if (isBareLabel(last)) groupItem = title || line.x < last.x + INDENT.min ? undefined : line;
      else if (!detail.get(last)) groupItem = undefined;
      // The label's items, and the lines set like its first, are details however short: a
      // list whose bullets are graphics, too far in from the page's edge to be found by
      // its indent (lines.ts), has only that indent to tell them from titles.
      if (groupItem !== undefined && !title && setLike(line, groupItem)) detail.set(line, true);
      const opening = !detail.get(line);
      const hadDetails = current.some((earlier) => detail.get(earlier));
      // Dates written the way this entry's were (its surest) start the next entry's pattern.
      const ranks = current.map((earlier) => rankOf.get(earlier) ?? 0);
      const datedAt = ranks.indexOf(Math.max(...ranks));
      const rank = rankOf.get(line) ?? 0;
      // A label over details ("Highlights"), or standing alone over them, announces them,
      // however much space it leaves; a bare label itself opens no entry, however much space
      // it leaves above it: it heads the details of the entry it stands in.
      const announced = (isDetailLabel(last) && !last.listItem) || (!opening && isBareLabel(last)) || isBareLabel(line);
      if ((setApart(line, current, style) && !announced) || (opening && (hadDetails || repeatsOpening(line, lines[0], current, style)))) open(current.length);
      else if (opening && !hadDetails && rank > 0 && rank === ranks[datedAt]) {
        // The first entry's dates sat on its n-th line; so do this one's.
        open(Math.max(datedAt + 1, current.length - datedAt));
      }
    }
    current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return joinSplitOpenings(groups, detail, rankOf).flatMap((group) => {
    const entry = withIndentedItems(toEntry(group, detail), style);
    // A list of bullets with no opening line is a list of one-line entries ("• AWS Certified…, 2022").
    if (entry.head.length > 0 || !entry.body.every((line) => line.listItem)) return [entry];
    return entry.body.map((line) => ({ head: [line], body: [] }));
  });
}

/**
 * An entry's opening lines parted by space: "Company / Town / Dates", then, set farther
 * below, the role over its bullets. Each half passes for an entry, one with dates and no
 * details, the other with details and no dates. Where the section's undated entries all
 * follow such a dated one without details (twice or more, or as the section's only two
 * entries), each pair is one entry.
 */
function joinSplitOpenings(groups: readonly Line[][], detail: ReadonlyMap<Line, boolean | undefined>, rankOf: ReadonlyMap<Line, number>): Line[][] {
  const opening = (group: readonly Line[]) => toEntry(group, detail).head;
  const dated = (lines: readonly Line[]) => lines.some((line) => (rankOf.get(line) ?? 0) > 0);
  const headOnly = (group: readonly Line[]) => group.every((line) => !detail.get(line)) && dated(group);
  const tail = (group: readonly Line[]) => group.some((line) => detail.get(line)) && !dated(opening(group)) && opening(group).length <= 2;
  const undated = groups.filter((group) => !dated(opening(group)));
  const pairs = groups.filter((group, index) => index > 0 && tail(group) && headOnly(groups[index - 1]!));
  if (pairs.length === 0 || pairs.length < undated.length || (pairs.length < 2 && groups.length !== 2)) return [...groups];
  const joined: Line[][] = [];
  for (const group of groups) {
    if (pairs.includes(group)) joined[joined.length - 1] = [...joined.at(-1)!, ...group];
    else joined.push(group);
  }
  return joined;
}

/** Whether a head line names something an entry is about: a role, an organisation, a degree or a school. */
function namesSomething(text: string): boolean {
  return splitParts(text).some((part) => roleEvidence(part) > 0 || organisationEvidence(part) >= 2 || isDegree(part) || isInstitution(part));
}

/**
 * Lines that stray into a section from outside its flow (a chart's labels, a running header,
 * a page number) come out as an entry of their own: a few short lines with no dates, no
 * details and no word naming a role, an organisation, a degree or a school. Where the
 * section's entries are dated, such an entry is no entry; its lines are returned apart.
 */
export function withoutStrays(entries: readonly Entry[]): { entries: Entry[]; stray: Line[] } {
  const isDated = (entry: Entry) => entry.head.some((line) => dateRank(line.text) > 0);
  const dated = entries.filter(isDated).length;
  if (dated < 2 || dated * 2 <= entries.length) return { entries: [...entries], stray: [] };
  const isStray = (entry: Entry) => entry.body.length === 0 && !isDated(entry) && entry.head.every((line) => wordCount(line.text) <= 4 && !namesSomething(line.text));
  return { entries: entries.filter((entry) => !isStray(entry)), stray: entries.filter(isStray).flatMap((entry) => entry.head) };
}

function toEntry(lines: readonly Line[], detail: ReadonlyMap<Line, boolean | undefined>): Entry {
  const split = lines.findIndex((line) => detail.get(line));
  const at = split === -1 ? lines.length : split;
  return { head: lines.slice(0, at), body: lines.slice(at) };
}

/**
 * A row of cells whose last holds a known label and its value ("2016 ⇥ Registered Nurse
 * License ⇥ Credential ID: 912345", "… ⇥ Duration: 6 weeks"): that cell is a detail of the
 * entry, set beside its opening where other layouts put it below.
 */
function withoutLabelledCell(line: Line): Line[] {
  const cells = line.text.split('\t');
  const last = cells.at(-1)!;
  const pair = labelled(last);
  // The row's dates stay on it ("Zeitraum: 03/2019 – 06/2021"): they are what dates the entry.
  if (cells.length < 2 || pair === null || pair.value === '' || !isKnownLabel(pair.label) || findDateRanges(pair.value).some(({ range }) => range.end !== null || range.isCurrent)) return [line];
  const { cellX, ...rest } = line;
  const x = cellX?.at(-1) ?? line.x;
  const kept = cellX?.slice(0, -1);
  const head: Line = { ...rest, text: cells.slice(0, -1).join('\t'), ...(kept && kept.length > 1 ? { cellX: kept } : {}) };
  // Set on the row's own line, the cell is no farther from the row than its neighbour is.
  return [head, { ...rest, text: last, x, gapBefore: 0 }];
}
