import { emptyTestimonialItem, type TestimonialItem } from '@r2w/cv-schema';
import { findUrl } from '../contact-fields';
import { findDates } from '../date-spans';
import { commaParts } from '../places';
import type { Line } from '../lines';
import { isProse, tidy } from '../text';
import type { Parsed } from './parsed';
import { compact } from './values';

// “Quoted words” followed by who said them: "— Ana Ruiz, CTO, Acme (former manager), 2023".

const QUOTED = /^\s*["“„«‹'‘]\s*([\s\S]+?)\s*["”“»›'’]\s*$/u;

/** The words inside quotation marks when the whole text is a quotation, else null. */
export function unquoted(text: string): string | null {
  return QUOTED.exec(text)?.[1] ?? null;
}

/** The dash that signs words with their author's name: "— Ana Ruiz, CTO". */
export const ATTRIBUTION = /^\s*[—–-]{1,2}\s*/u;
const RELATION = /\(([^()]+)\)\s*$/u;

function attribute(item: TestimonialItem, text: string): void {
  let rest = text.replace(ATTRIBUTION, '');
  const date = findDates(rest).at(-1);
  if (date && rest.slice(date.end).trim() === '') {
    item.dateGiven = date.date;
    rest = tidy(rest.slice(0, date.start));
  }
  const relation = RELATION.exec(rest);
  if (relation?.[1]) {
    item.relationshipToCandidate = relation[1];
    rest = tidy(rest.slice(0, relation.index));
  }
  const [name, title, ...company] = commaParts(rest);
  if (name) item.authorName = name;
  if (title) item.authorTitle = title;
  if (company.length > 0) item.authorCompany = company.join(', ');
}

export function parseTestimonials(lines: readonly Line[]): Parsed<TestimonialItem> {
  const items: TestimonialItem[] = [];
  const unclassified: string[] = [];
  lines.forEach((line, index) => {
    const quote = unquoted(line.text);
    const current = items.at(-1);
    const url = findUrl(line.text);
    if (quote !== null) items.push({ ...emptyTestimonialItem(), testimonialText: quote });
    else if (current && url === line.text) {
      if (/linkedin\./i.test(url) && !current.linkedInProfile) current.linkedInProfile = url;
      else current.authorImageUrl ??= url;
    } else if (current && current.authorName === undefined && ATTRIBUTION.test(line.text)) attribute(current, line.text);
    // Unquoted words of praise still open a testimonial when an attribution follows them.
    else if (isProse(line.text) && ATTRIBUTION.test(lines[index + 1]?.text ?? '')) items.push({ ...emptyTestimonialItem(), testimonialText: line.text });
    else unclassified.push(line.text);
  });
  return { items: items.map((item) => compact(item)), unclassified };
}
