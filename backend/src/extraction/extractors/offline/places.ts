import { parseLocation } from './contact-fields';
import { organisationEvidence } from './roles';
import { DASH, tidy } from './text';
import { townLength } from './towns';

// Places at the end of a piece of text, as entry heads and headers write them.

// "Acme, Inc." and "Ventures, LLC": a legal form after a comma belongs to the name before it.
const LEGAL_FORM = /^(?:inc|ltd|llc|llp|plc|gmbh|ag|kg|sa|s\.a|sas|sarl|sl|s\.l|srl|bv|nv|co|corp|corporation|limited|pty|oy|ab|as|spa|s\.p\.a)\.?$/i;

/** Splits at commas (Chinese and Japanese ones too: "学士，计算机科学", "学士、情報デザイン"), keeping legal forms with their company. */
export function commaParts(text: string): string[] {
  const pieces = text.split(/,\s+|[，、]\s*/u);
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
 * "Stripe, Dublin, Ireland" the first part is the company. When a row's columns ran
 * together ("Keynote speaker Montréal, Canada"), the town is only the words townLength names.
 */
export function trailingPlace(text: string, merged: boolean): { place: string; before: string } | null {
  const parts = commaParts(text);
  for (let take = Math.min(3, parts.length); take >= 2; take -= 1) {
    // "Research Assistant — Ann Arbor, MI": a dash sets the town apart from what goes before.
    const dashed = parts.at(-take)!.split(DASH).at(-1)!;
    let place = [dashed, ...parts.slice(1 - take)].join(', ');
    const regionInMiddle = take < 3 || take === parts.length || /^[A-Z]{2,3}$/.test(parts.at(-2) ?? '');
    // An organisation's name is no town: "Frontline Relief International, Geneva, Switzerland".
    if (!regionInMiddle || !text.endsWith(place) || organisationEvidence(dashed) >= 2 || !parseLocation(place)) continue;
    const cityPart = dashed;
    const townWords = cityPart.split(/\s+/);
    const runTogether = merged || townWords.some((word) => !/^[\p{Lu}\d]/u.test(word));
    if (townWords.length > 1 && runTogether) {
      const town = townWords.slice(-Math.max(1, townLength(townWords))).join(' ');
      place = town + place.slice(cityPart.length);
    }
    return { place, before: tidy(text.slice(0, text.length - place.length)) };
  }
  return null;
}

/** A row's last words, set apart by space alone ("Banca Ibérica Digital Madrid"): the town, when the row ran together. */
export function trailingTown(text: string): { place: string; before: string } | null {
  const words = text.split(/\s+/);
  const length = townLength(words);
  if (/,/.test(text) || length === 0 || length >= words.length) return null;
  const place = words.slice(-length).join(' ');
  if (organisationEvidence(place) >= 2) return null;
  return { place, before: tidy(text.slice(0, text.length - place.length)) };
}
