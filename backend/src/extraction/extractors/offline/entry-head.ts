import type { ParsedDateRange } from '@r2w/cv-schema';
import { cut, findDateRanges, type FoundRange } from './date-spans';
import type { Line } from './lines';
import { isDegree, organisationEvidence, roleEvidence } from './roles';
import { DASH, endWithout, fold, isProse, splitParts, tidiesAway, tidy } from './text';
import { commaParts, trailingPlace, trailingTown } from './places';
import { isStretched } from './towns';

// The opening lines of an entry taken apart: the dates, the place, and the remaining
// pieces in order with their styling, for the section's parser to name.

export interface HeadPart {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Which head line it came from. */
  line: number;
  /** Its line carries the entry's dates. */
  dated: boolean;
  /** Its line carries the entry's place. */
  placed: boolean;
}

export interface HeadFacts {
  dateRange: ParsedDateRange | null;
  location: string | null;
  parts: HeadPart[];
  /** Per head line, its first piece once dates and place are cut out, unsplit ("" for a date-only line). */
  lineTexts: string[];
}

const SEPARATOR = /[|,;·•([–—-]/u;
const SPACE = /\s/u;
const SEPARATED_AFTER = /^\s*(?:$|[|,;·•)\]–—-])/u;

// Each side of a range is read from the range outwards only as far as it must be (every
// date of a line is ranked, and a line may hold thousands).
function separatedBefore(before: string): boolean {
  const end = endWithout(before, SPACE);
  return end === 0 || SEPARATOR.test(before[end - 1]!);
}

/**
 * How surely a range is an entry's dates rather than part of a name: 4 alone on its line,
 * 3 set apart by separators ("Speaker | 2023", "(2019 – 2021)"), 2 ending the line, 1
 * anywhere else ("GopherCon UK 2023, London").
 */
function rankOf(text: string, found: FoundRange): number {
  const before = text.slice(0, found.start);
  const after = text.slice(found.end);
  const endsLine = tidiesAway(after);
  if (endsLine && tidiesAway(before, true)) return 4;
  if (separatedBefore(before) && SEPARATED_AFTER.test(after)) return 3;
  return endsLine ? 2 : 1;
}

/** The rank of the line's surest dates, 0 when it has none. */
export function dateRank(text: string): number {
  return findDateRanges(text).reduce((best, found) => Math.max(best, rankOf(text, found)), 0);
}

/** The entry's dates: the surest on any of its opening lines, the first of equals. */
function entryDates(head: readonly Line[]): { line: number; found: FoundRange } | null {
  let best: { line: number; found: FoundRange; rank: number } | null = null;
  head.forEach((line, index) => {
    for (const found of findDateRanges(line.text)) {
      const rank = rankOf(line.text, found);
      if (!best || rank > best.rank) best = { line: index, found, rank };
    }
  });
  return best;
}

/**
 * Where a dash separates two parts. Names of things (certificates, courses, awards) carry
 * dashes ("Solutions Architect – Professional"), so in `names` heads a dash separates only
 * before an organisation ("… – Amazon Web Services Inc."); elsewhere, with commas on the
 * line, only between an organisation and a role or degree ("University of Michigan — B.S.").
 */
function splitAtDash(text: string, names: boolean): string[] {
  const dash = DASH.exec(text);
  if (!dash) return [text];
  const [left, right] = [tidy(text.slice(0, dash.index)), tidy(text.slice(dash.index + dash[0].length))];
  const kind = (side: string) => (organisationEvidence(side) >= 2 ? 'organisation' : roleEvidence(side) > 0 || isDegree(side) ? 'role' : 'other');
  const apart = names ? kind(right) === 'organisation' && !abbreviates(left, right) : [kind(left), kind(right)].sort().join() === 'organisation,role';
  return apart && left && right ? [left, ...splitAtDash(right, names)] : [text];
}

/** "VDI – Verein Deutscher Ingenieure": an acronym and the name it stands for are one name. */
function abbreviates(short: string, long: string): boolean {
  const initials = long
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  return /^\p{Lu}{2,}$/u.test(short) && initials.startsWith(short);
}

// A head line written as a sentence of parts ends with a full stop ("Engineer, Acme,
// London.", "Grove Street Bakery.", as moderncv sets its entries): the stop belongs to none
// of the parts. An abbreviation keeps its stop: a short word ("Acme Co.", "Jr."), an initial,
// a word with stops inside ("D.C.") or one of the abbreviations names end in ("Acme Corp.");
// a word in capitals is an acronym, written without stops ("London, UK.").
const CLOSING_WORD = /(?:^|[\s,(-])([\p{L}]+)\.$/u;
const ABBREVIATION = /^(?:inc|ltd|co|corp|bros|dept|univ|assn|assoc|intl|natl|govt|mfg|jr|sr|st|dr|prof|no|vol|eds?|al|etc|ave|blvd|rd)$/iu;

/** The text without the full stop that closes a line of parts. */
export function withoutClosingStop(text: string): string {
  const word = CLOSING_WORD.exec(text)?.[1];
  if (word === undefined || isProse(text) || ABBREVIATION.test(word)) return text;
  return word.length >= 3 || /^\p{Lu}{2}$/u.test(word) ? text.slice(0, -1) : text;
}

// How long a job lasted, which layouts print beside its dates ("Jun 2017 - Dec 2020 3 years
// 6 months", "· 2 yrs 3 mos", "(1 year)"): the dates already say it, and it names nothing.
const UNIT = String.raw`(?:years?|yrs?|months?|mos?|jahre?|monate?|ans?|mois|anos?|años?|meses?)`;
// "a year", "an hour" as a humanised duration reads.
const DURATION = new RegExp(String.raw`^\(?(?:\d+|an?)\s*${UNIT}(?:,?\s+(?:and\s+)?\d+\s*${UNIT})?\)?$`, 'iu');

const isDuration = (text: string): boolean => DURATION.test(tidy(text));

// The words that introduce an entry's date ("Issued on: Jan 2022", "Awarded 2023",
// "Publié le 3 mars 2021"): they name no part of the entry.
const DATE_LABEL =
  /^(?:(?:date(?: of \w+)?|dated|issued|awarded|received|obtained|earned|granted|published|completed|conferred|expedido|otorgado|obtenido|publicado|fecha|delivre|obtenu|publie|decerne|ausgestellt|erhalten|verliehen|veroffentlicht|datum)(?:\s+(?:on|in|el|le|en|am))?|on|le|am|el)\s*:?$/u;

const isDateLabel = (text: string): boolean => DATE_LABEL.test(fold(text).trim());

const BRACKETED = /^([^()]+?)\s*\(([^()]+)\)$/u;

/**
 * "Bachelor of Science in Nursing (University of Houston, Houston)": an organisation set in
 * brackets after a title is a part of its own, with its town. Brackets that hold anything
 * else ("B.Sc. (Hons)", "Engineer (Contract)") stay with their part.
 */
function bracketedOrganisation(piece: string): string[] {
  const match = BRACKETED.exec(piece);
  if (!match) return [piece];
  const inner = tidy(match[2]!);
  const named = trailingPlace(inner, false)?.before ?? inner;
  return organisationEvidence(named) >= 2 ? [tidy(match[1]!), inner] : [piece];
}

export function readHead(head: readonly Line[], { names = false } = {}): HeadFacts {
  const dates = entryDates(head);
  let location: string | null = null;
  let placeLine = -1;
  const parts: Omit<HeadPart, 'dated' | 'placed'>[] = [];
  const lineTexts: string[] = [];
  head.forEach((line, index) => {
    const dated = dates?.line === index;
    const labelled = dated && isDateLabel(line.text.slice(0, dates.found.start));
    const pieces = (dated ? cut(line.text, dates.found).slice(labelled ? 1 : 0) : [line.text]).map((piece, at, all) => (at === all.length - 1 ? withoutClosingStop(piece) : piece));
    const merged = isStretched(line);
    const whole = pieces[0] ?? '';
    // A name that wrapped after its comma ("…Using Adobe Illustrator," over "Adobe") leaves the comma behind.
    lineTexts.push(tidy(trailingPlace(whole, merged)?.before ?? whole));
    const split = pieces
      .flatMap((piece) => splitParts(piece, !names))
      .flatMap(bracketedOrganisation)
      .filter((piece) => !isDuration(piece));
    for (const piece of split) {
      const place = location ? null : (trailingPlace(piece, merged) ?? (merged && !dated && split.length === 1 ? trailingTown(piece) : null));
      if (place) [location, placeLine] = [place.place, index];
      for (const text of commaParts(place ? place.before : piece).flatMap((part) => splitAtDash(part, names))) {
        parts.push({ text, bold: line.bold, italic: line.italic, line: index });
      }
    }
  });
  return { dateRange: dates?.found.range ?? null, location, parts: parts.map((part) => ({ ...part, dated: part.line === dates?.line, placed: part.line === placeLine })), lineTexts };
}
