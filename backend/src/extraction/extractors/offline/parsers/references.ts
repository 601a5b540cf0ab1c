import { emptyReferenceItem, type ReferenceItem } from '@r2w/cv-schema';
import { findEmail, findPhone } from '../contact-fields';
import type { Entry } from '../entries';
import { labelledField } from '../field-labels';
import { fold, splitParts } from '../text';
import type { Parsed } from './parsed';
import { unquoted } from './testimonials';
import { commaParts } from '../places';
import { splitAtOrganisation } from '../roles';
import { compact, countIn, yearsIn } from './values';

// "Available upon request" names nobody.
const ON_REQUEST = /(?:upon|on|by) request|a peticion|a solicitud|sur demande|auf anfrage|לפי (?:דרישה|בקשה)/u;

// "Dr. Ana Ruiz" then "Head of Data, Acme" (or all on one line), then how they know the
// person, their email and phone, perhaps a quoted word of recommendation.
export function parseReferences(entries: readonly Entry[]): Parsed<ReferenceItem> {
  const unclassified: string[] = [];
  const onRequest = entries.filter((entry) => entry.head.length + entry.body.length === 1 && ON_REQUEST.test(fold([...entry.head, ...entry.body][0]!.text)));
  unclassified.push(...onRequest.flatMap((entry) => [...entry.head, ...entry.body].map((line) => line.text)));
  const items = entries
    .filter((entry) => !onRequest.includes(entry))
    .map((entry) => {
      const reference: ReferenceItem = emptyReferenceItem();
      // Name, title and company in the order written, then the relationship.
      const named: string[] = [];
      for (const line of [...entry.head, ...entry.body]) {
        const field = labelledField(line.text, ['relationship', 'yearsKnown']);
        const quote = unquoted(line.text);
        if (field?.field === 'yearsKnown') reference.yearsKnown = countIn(field.value);
        else if (field) reference.relationship = field.value;
        else if (quote !== null) reference.referenceText = quote;
        else {
          const texts: string[] = [];
          for (const piece of splitParts(line.text)) {
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
