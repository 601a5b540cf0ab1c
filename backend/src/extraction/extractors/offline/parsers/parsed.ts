import { parseLocation, placeOnly } from '../contact-fields';
import { organisationEvidence, roleEvidence } from '../roles';

/** A list section's items, and the text of its entries that fitted no field. */
export interface Parsed<Item> {
  items: Item[];
  unclassified: string[];
}

/** A short capitalised piece with no role or organisation words: "Berlin", "Tel Aviv", "Remote". */
export function looksLikePlace(text: string): boolean {
  if (parseLocation(text)) return true;
  return placeOnly(text) !== null && roleEvidence(text) === 0 && organisationEvidence(text) < 2;
}
