import type { ParsedDateRange } from '@r2w/cv-schema';
import { parseLocation } from './contact-fields';
import { cut, findDateRanges, type FoundRange } from './date-spans';
import type { Line } from './lines';
import { splitParts, tidy } from './text';

// The opening lines of an entry taken apart: the dates, the place, and the remaining
// pieces in order with their styling, for the section's parser to name.

export interface HeadPart {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Which head line it came from. */
  line: number;
}

export interface HeadFacts {
  dateRange: ParsedDateRange | null;
  location: string | null;
  parts: HeadPart[];
  /** Per head line, its first piece once dates and place are cut out, unsplit ("" for a date-only line). */
  lineTexts: string[];
}

// "Acme, Inc." and "Ventures, LLC": a legal form after a comma belongs to the name before it.
const LEGAL_FORM = /^(?:inc|ltd|llc|llp|plc|gmbh|ag|kg|sa|s\.a|sas|sarl|sl|s\.l|srl|bv|nv|co|corp|corporation|limited|pty|oy|ab|as|spa|s\.p\.a)\.?$/i;

/** Splits at commas, keeping legal forms with their company. */
export function commaParts(text: string): string[] {
  const pieces = text.split(/,\s+/);
  const parts: string[] = [];
  for (const piece of pieces) {
    if (parts.length > 0 && LEGAL_FORM.test(piece.trim())) parts[parts.length - 1] += `, ${piece}`;
    else parts.push(piece);
  }
  return parts.map(tidy).filter(Boolean);
}

/**
 * The place at the end of a piece ("…, Berlin, Germany"), and what stands before it. Three
 * parts make a place only as "City, ST, Country" or when nothing else is left: in
 * "Stripe, Dublin, Ireland" the first part is the company.
 */
function trailingPlace(text: string): { place: string; before: string } | null {
  const parts = commaParts(text);
  for (let take = Math.min(3, parts.length); take >= 2; take -= 1) {
    const place = parts.slice(-take).join(', ');
    const regionInMiddle = take < 3 || take === parts.length || /^[A-Z]{2,3}$/.test(parts.at(-2) ?? '');
    if (regionInMiddle && text.endsWith(place) && parseLocation(place)) return { place, before: tidy(text.slice(0, text.length - place.length)) };
  }
  return null;
}

/**
 * The entry's dates. Dates on a line of their own come first, then dates a separator sets
 * apart ("Speaker | 2023", "(2019 – 2021)"), then dates ending a line, then any: a year
 * inside a name ("GopherCon UK 2023") is the weakest candidate.
 */
const SEPARATED_BEFORE = /(?:^|[|,;·•(\[–—-])\s*$/u;
const SEPARATED_AFTER = /^\s*(?:$|[|,;·•)\]–—-])/u;

function entryDates(head: readonly Line[]): { line: number; found: FoundRange } | null {
  let best: { line: number; found: FoundRange; rank: number } | null = null;
  head.forEach((line, index) => {
    for (const found of findDateRanges(line.text)) {
      const before = line.text.slice(0, found.start);
      const after = line.text.slice(found.end);
      const apart = SEPARATED_BEFORE.test(before) && SEPARATED_AFTER.test(after);
      const rank = cut(line.text, found).length === 0 ? 4 : apart ? 3 : tidy(after) === '' ? 2 : 1;
      if (!best || rank > best.rank) best = { line: index, found, rank };
    }
  });
  return best;
}

export function readHead(head: readonly Line[]): HeadFacts {
  const dates = entryDates(head);
  let location: string | null = null;
  const parts: HeadPart[] = [];
  const lineTexts: string[] = [];
  head.forEach((line, index) => {
    const pieces = dates?.line === index ? cut(line.text, dates.found) : [line.text];
    const whole = pieces[0] ?? '';
    lineTexts.push(trailingPlace(whole)?.before ?? whole);
    for (const piece of pieces.flatMap(splitParts)) {
      const place = location ? null : trailingPlace(piece);
      if (place) location = place.place;
      for (const text of commaParts(place ? place.before : piece)) parts.push({ text, bold: line.bold, italic: line.italic, line: index });
    }
  });
  return { dateRange: dates?.found.range ?? null, location, parts, lineTexts };
}
