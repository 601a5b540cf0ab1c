import { emptyPublicationItem, type PublicationItem } from '@r2w/cv-schema';
import { findUrl } from '../contact-fields';
import { findDates, type FoundDate } from '../date-spans';
import { first, plainAndLinks, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import { splitEntries, withoutStrays } from '../entries';
import { labelledField, SECTION_FIELDS } from '../field-labels';
import type { BodyStyle, Line } from '../lines';
import { isProse, tidy } from '../text';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact, countIn } from './values';

// Citations as CVs print them: "Doe J, Smith A. Title. Venue, 2021. doi:10.1/x" (Vancouver),
// "Doe, J., & Smith, A. (2020). Title. Journal, 12(3)." (APA),
// 'J. Doe and A. Smith, "Title," in Proc. Venue, 2020.' (IEEE); then perhaps an abstract,
// a link and "Cited by: 12".

const DOI = /(?:\bdoi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s,;]+?)(?=[.,;]?(?:\s|$))/iu;
const QUOTED_TITLE = /["“«]\s*(.+?)\s*[,.]?\s*["”»]/u;
const YEAR_IN_BRACKETS = /\(\s*((?:19|20)\d{2}[a-z]?)\s*\)\.?/u;
// A full stop ends a part of the citation unless it ends an abbreviation or an initial
// that leads a name ("J. Doe", "Smith, A."); one after a surname's initials ends the
// author list ("Ellison R. Title").
const PART_END = /(?<!\b(?:Proc|Vol|vol|No|no|pp|Conf|Int|Intl|Trans|Jr|Dr|Univ|eds?)|(?:^|[,&;]\s*|\band\s+|\p{Lu}\.\s?)\p{Lu})\.\s+(?=\S)/u;
// Authors are names: capitalised words and initials joined by commas, "and", "&" or ";".
const AUTHOR_SEPARATOR = /\s*(?:;|,?\s+(?:and|&|y|et|und|ו)\s+|,)\s*/u;
const INITIALS = /^(?:\p{Lu}\.?\s?-?){1,3}$/u;

function authorsOf(text: string): string[] {
  const pieces = text.split(AUTHOR_SEPARATOR).map(tidy).filter(Boolean);
  // "Doe, J., Smith, A.": a surname and its initials are one author.
  const paired = pieces.length >= 2 && pieces.length % 2 === 0 && pieces.every((piece, index) => index % 2 === 0 || INITIALS.test(piece));
  if (!paired) return pieces;
  const authors: string[] = [];
  for (let index = 0; index < pieces.length; index += 2) {
    const at = text.indexOf(pieces[index]!);
    const end = text.indexOf(pieces[index + 1]!, at) + pieces[index + 1]!.length;
    authors.push(text.slice(at, end));
  }
  return authors;
}

function looksLikeAuthors(text: string): boolean {
  return !isProse(text) && text.split(/\s+/).every((word) => /^[\p{Lu}\u05d0-\u05ea]|^(?:and|&|y|et|und|van|von|de|der|da|del|di|le|la)$/u.test(word.replace(/^[("“]/, '')));
}

// A date set in a column of its own beside the citation ("2024⇥S. Doe. Title. Venue", as
// academic CVs and date-column templates print it, or "Title. Venue⇥2021" flush right) is
// the citation's date; the citation is read without it.
function apartFromDateCell(text: string): { citation: string; date?: FoundDate } {
  const cells = text.split('\t');
  if (cells.length < 2) return { citation: text };
  for (const at of [0, cells.length - 1]) {
    const cell = tidy(cells[at]!);
    const [date, ...more] = findDates(cell);
    if (date && more.length === 0 && date.text === cell) return { citation: cells.filter((_, index) => index !== at).join(' '), date };
  }
  return { citation: text };
}

function parseCitation(text: string): PublicationItem {
  const item: PublicationItem = emptyPublicationItem();
  const { citation, date: cellDate } = apartFromDateCell(text);
  let rest = citation;
  const doi = DOI.exec(rest);
  if (doi?.[1]) {
    item.doi = doi[1];
    rest = rest.replace(doi[0], ' ');
  }
  const url = findUrl(rest);
  if (url && /^https?:|^www\./.test(url)) {
    item.url = url;
    rest = rest.replace(url, ' ');
  }
  const quoted = QUOTED_TITLE.exec(rest);
  const bracketYear = YEAR_IN_BRACKETS.exec(rest);
  let venuePart: string | undefined;
  if (quoted?.[1]) {
    item.title = quoted[1];
    item.authors = authorsOf(tidy(rest.slice(0, quoted.index)));
    venuePart = rest.slice(quoted.index + quoted[0].length);
  } else {
    const before = bracketYear ? rest.slice(0, bracketYear.index) : null;
    const parts = (bracketYear ? rest.slice(bracketYear.index + bracketYear[0].length) : rest).split(PART_END).map(tidy).filter(Boolean);
    const authors = before ?? (parts.length >= 3 && looksLikeAuthors(parts[0]!) ? parts.shift()! : null);
    if (authors) item.authors = authorsOf(tidy(authors));
    item.title = parts.shift();
    venuePart = parts.join('. ');
  }
  const written = bracketYear?.[1] ? findDates(bracketYear[1])[0] : findDates(venuePart ?? '').at(-1);
  if (written && !bracketYear && venuePart) venuePart = venuePart.replace(written.text, ' ');
  const date = written ?? cellDate;
  if (date) {
    item.datePublished = date.date;
    item.datePublishedText = date.text;
  }
  const venue = tidy(
    tidy(venuePart ?? '')
      .replace(/^in\s+/i, '')
      .replace(/\s{2,}.*$/u, '')
      .replace(/[.,\s]+$/u, ''),
  );
  if (venue) item.publication = venue;
  return compact(item);
}

const isCitation = (line: Line) =>
  !labelledField(line.text, ['citedBy']) &&
  findUrl(line.text) !== line.text &&
  findDates(line.text).length > 0 &&
  (DOI.test(line.text) || QUOTED_TITLE.test(line.text) || line.text.split(PART_END).length >= 3);

// "Published by Hooli", "in Nature Methods": the words before the venue name none of it.
const PUBLISHED_IN = /^(?:(?:published|publi[ée]e?|publicado|ver[öo]ffentlicht)\s+)?(?:by|in|en|dans|bei|par|por)\s+/iu;

/**
 * Publications listed as entries rather than cited: the title, then the journal or
 * publisher (on its own line or after a separator), the date, perhaps a summary and a
 * link, as résumé themes set them.
 */
function parseListed(lines: readonly Line[], style: BodyStyle): Parsed<PublicationItem> {
  const { entries, stray } = withoutStrays(splitEntries(lines, style));
  const unclassified = stray.map((line) => line.text);
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, SECTION_FIELDS.publications);
    const { title, subtitle, rest } = titled(head);
    const { urls, text } = plainAndLinks(body);
    const [abstract, ...more] = text;
    const citations = first(body, 'citedBy');
    unclassified.push(...rest, ...more, ...body.unknown, ...body.bullets.map((bullet) => bullet.text));
    return compact({
      ...emptyPublicationItem(),
      title,
      publication: subtitle?.replace(PUBLISHED_IN, ''),
      datePublished: head.dateRange?.start,
      datePublishedText: head.dateRange?.text,
      url: urls[0],
      abstract,
      citations: countIn(citations),
    });
  });
  return { items, unclassified };
}

export function parsePublications(lines: readonly Line[], style: BodyStyle): Parsed<PublicationItem> {
  // Without a single citation among them, not even a short one ("Title. Venue, 2014"), the lines are entries.
  const cited = (line: Line) => isCitation(line) || (findDates(line.text).length > 0 && line.text.split(PART_END).length >= 2);
  if (!lines.some(cited)) return parseListed(lines, style);
  const items: PublicationItem[] = [];
  const unclassified: string[] = [];
  for (const line of lines) {
    const current = items.at(-1);
    const citedBy = labelledField(line.text, ['citedBy']);
    const url = findUrl(line.text);
    // An abstract has dates and full stops too, but it opens with a sentence, not with names.
    const opensWithSentence = isProse(line.text.split(/["“«]/u)[0]!.split(PART_END)[0] ?? '');
    if (!current || (isCitation(line) && (line.listItem || !opensWithSentence))) {
      items.push(parseCitation(line.text));
    } else if (citedBy && countIn(citedBy.value) !== undefined) current.citations = countIn(citedBy.value);
    else if (url === line.text && current.url === undefined) current.url = url;
    else if (current.abstract === undefined && isProse(line.text)) current.abstract = line.text;
    else unclassified.push(line.text);
  }
  return { items, unclassified };
}
