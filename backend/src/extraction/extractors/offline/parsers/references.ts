import { emptyReferenceItem, type ReferenceItem } from '@r2w/cv-schema';
import { findEmail, findPhone } from '../contact-fields';
import { findDates } from '../date-spans';
import type { Entry } from '../entries';
import { withoutClosingStop } from '../entry-head';
import { labelledField } from '../field-labels';
import { looksLikeName } from '../header';
import type { Line } from '../lines';
import { fold, isProse, splitParts, tidy, wordCount } from '../text';
import type { Parsed } from './parsed';
import { ATTRIBUTION, unquoted } from './testimonials';
import { commaParts } from '../places';
import { organisationEvidence, roleEvidence, splitAtOrganisation } from '../roles';
import { compact, countIn, yearsIn } from './values';

// "Available upon request" names nobody.
const ON_REQUEST = /(?:upon|on|by) request|a peticion|a solicitud|sur demande|auf anfrage|לפי (?:דרישה|בקשה)/u;

// A word of recommendation runs to a sentence or more, mostly in lower case; how they know
// the person ("Worked together for 4 years") is a few words, and a title with its
// institution ("Head of the School of Biological Sciences, University of Edinburgh")
// capitalises most of its words.
const RECOMMENDATION_WORDS = 10;

function isRecommendation(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const lower = words.filter((word) => /^[^\p{L}]*\p{Ll}/u.test(word)).length;
  return isProse(text) && wordCount(text) >= RECOMMENDATION_WORDS && lower > words.length / 2 && !opensReferee(text);
}

// The words before a name that say it is a person's: "Dr. Ana Ruiz", "Prof. Bello", "Frau Weber".
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame|herr|frau|mme|mlle|sr|sra|dra|ing)\.?\s/iu;
// Every word of a name is capitalised but its particles ("Ana de la Fuente", "Jan van Dijk").
const NAME_WORD = /^(?:[^\p{Ll}]|(?:de|del|la|le|van|von|der|den|da|di|du|dos|bin|ibn|al)$)/u;

/** The referee's name the line opens with ("— Prof. Ana Ruiz, Head of…"), or null. */
function personOpening(text: string): string | null {
  const first = commaParts(text.replace(ATTRIBUTION, ''))[0] ?? '';
  const person = looksLikeName(first) && first.split(/\s+/).every((word) => NAME_WORD.test(word)) && roleEvidence(first) === 0 && organisationEvidence(first) < 2;
  return person ? first : null;
}

/**
 * A line that surely opens another referee: a name signed with a dash, given an honorific, or
 * followed on its line by more about the person ("Linda Harris, Nurse Manager, …"). A name
 * alone on its line might be the company's ("Pied Piper"), which comes after the name.
 */
function opensReferee(text: string): boolean {
  const name = personOpening(text);
  return name !== null && (ATTRIBUTION.test(text) || HONORIFIC.test(name) || commaParts(text).length >= 2);
}

/**
 * The lines of each referee. The entries a layout gives are a start, but their spacing says
 * little here: an entry of its own that names nobody ("Head of school", an e-mail) says more
 * about the referee above, and one entry can hold several referees, each opening with a name.
 */
function referees(entries: readonly Entry[]): Line[][] {
  const groups: Line[][] = [];
  const named = (lines: readonly Line[]) => lines.some((line) => personOpening(line.text) !== null);
  for (const entry of entries) {
    const lines = [...entry.head, ...entry.body];
    const previous = groups.at(-1);
    // A name signed with a dash under words of recommendation is theirs.
    const signs = previous !== undefined && !named(previous) && ATTRIBUTION.test(lines[0]!.text);
    if (!(previous && named(previous) && !named(lines)) && !signs) groups.push([]);
    for (const line of lines) {
      const group = groups.at(-1)!;
      if (group.length > 0 && opensReferee(line.text) && named(group)) groups.push([line]);
      else group.push(line);
    }
  }
  return groups.filter((group) => group.length > 0);
}

// "Dr. Ana Ruiz" then "Head of Data, Acme" (or all on one line), then how they know the
// person, their email and phone, perhaps a word of recommendation, quoted or not.
export function parseReferences(entries: readonly Entry[]): Parsed<ReferenceItem> {
  const unclassified: string[] = [];
  const onRequest = entries.filter((entry) => entry.head.length + entry.body.length === 1 && ON_REQUEST.test(fold([...entry.head, ...entry.body][0]!.text)));
  unclassified.push(...onRequest.flatMap((entry) => [...entry.head, ...entry.body].map((line) => line.text)));
  const items = referees(entries.filter((entry) => !onRequest.includes(entry))).map((lines) => {
    const reference: ReferenceItem = emptyReferenceItem();
    // Name, title and company in the order written, then the relationship.
    const named: string[] = [];
    for (const line of lines) {
      const text = line.text.replace(ATTRIBUTION, '');
      const field = labelledField(text, ['relationship', 'yearsKnown']);
      const quote = unquoted(text);
      const date = findDates(text)[0];
      if (field?.field === 'yearsKnown') reference.yearsKnown = countIn(field.value);
      else if (field) reference.relationship = field.value;
      else if (quote !== null) reference.referenceText = quote;
      else if (reference.referenceText === undefined && isRecommendation(text)) reference.referenceText = text;
      // A date names no one: one standing alone strayed in from beside the section.
      else if (date && tidy(text.replace(date.text, '')) === '') unclassified.push(line.text);
      else {
        const texts: string[] = [];
        for (const piece of splitParts(withoutClosingStop(text))) {
          const email = findEmail(piece)?.[0];
          const phone = findPhone(piece);
          if (email) reference.email ??= email;
          else if (phone) reference.phone ??= phone;
          else texts.push(piece);
        }
        // A line of its own after name, title and company says how they know the person.
        if (named.length >= 2 && texts.length === 1 && reference.relationship === undefined) reference.relationship = texts[0];
        else if (named.length < 3) named.push(...texts.flatMap(commaParts));
        else unclassified.push(...texts);
      }
    }
    const [name, ...about] = named;
    const split = splitAtOrganisation(about);
    const [title, company, ...rest] = split ? [split.role.join(', '), split.organisation.join(', '), ...split.after] : about;
    unclassified.push(...rest);
    // "Worked together for 4 years" says how long they have known each other.
    reference.yearsKnown ??= yearsIn(reference.relationship ? [reference.relationship] : []);
    return compact({ ...reference, name, title, company });
  });
  return { items, unclassified };
}
