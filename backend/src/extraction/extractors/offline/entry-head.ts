import type { ParsedDateRange } from '@r2w/cv-schema';
import { parseLocation } from './contact-fields';
import { cut, findDateRange } from './date-spans';
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

/** The place at the end of a piece ("…, Berlin, Germany"), and what stands before it. */
function trailingPlace(text: string): { place: string; before: string } | null {
  const parts = commaParts(text);
  for (let take = Math.min(3, parts.length); take >= 2; take -= 1) {
    const place = parts.slice(-take).join(', ');
    if (text.endsWith(place) && parseLocation(place)) return { place, before: tidy(text.slice(0, text.length - place.length)) };
  }
  return null;
}

export function readHead(head: readonly Line[]): HeadFacts {
  let dateRange: ParsedDateRange | null = null;
  let location: string | null = null;
  const parts: HeadPart[] = [];
  const lineTexts: string[] = [];
  head.forEach((line, index) => {
    let pieces = [line.text];
    const found = dateRange ? null : findDateRange(line.text);
    if (found) {
      dateRange = found.range;
      pieces = cut(line.text, found);
    }
    const whole = pieces[0] ?? '';
    lineTexts.push(trailingPlace(whole)?.before ?? whole);
    for (const piece of pieces.flatMap(splitParts)) {
      const place = location ? null : trailingPlace(piece);
      if (place) location = place.place;
      for (const text of commaParts(place ? place.before : piece)) parts.push({ text, bold: line.bold, italic: line.italic, line: index });
    }
  });
  return { dateRange, location, parts, lineTexts };
}
