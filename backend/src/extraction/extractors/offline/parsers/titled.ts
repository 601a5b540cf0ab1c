import type { HeadFacts } from '../entry-head';
import { tidy } from '../text';
import { looksLikePlace } from './parsed';

// Most entries name a thing and then who gave or held it: a certificate and its issuer, an
// award and its organisation, a course and its provider. On two lines, each line is one
// (so "Solutions Architect – Associate" stays whole); on one line, separators part them.

export interface Titled {
  title?: string;
  subtitle?: string;
  location?: string;
  /** Head pieces that are none of these. */
  rest: string[];
}

const GIVEN_BY = /^(?:by|from|von|par|por|de la part de)\s+/iu;

// "First Place, Snacks Category , The Dieline Awards": a comma with a space before it is
// where a layout joined two fields; the commas inside each (spaced as writing spaces them)
// stay.
const FIELD_COMMA = /\s+,\s+/u;

export function titled(head: HeadFacts): Titled {
  const withText = head.lineTexts.flatMap((text, line) => (text ? [line] : []));
  const [titleLine, subtitleLine] = withText;
  let title: string | undefined;
  let pieces: string[];
  if (titleLine !== undefined && subtitleLine !== undefined) {
    title = head.lineTexts[titleLine];
    pieces = head.parts.filter((part) => part.line !== titleLine).map((part) => part.text);
  } else if (titleLine !== undefined && FIELD_COMMA.test(head.lineTexts[titleLine]!)) {
    [title, ...pieces] = head.lineTexts[titleLine]!.split(FIELD_COMMA).map(tidy);
  } else {
    [title, ...pieces] = head.parts.map((part) => part.text);
  }
  const [given, ...others] = pieces;
  // "Second Place / by MHacks 16": the word that says who gave it is no part of the name.
  const subtitle = given?.replace(GIVEN_BY, '');
  const result: Titled = { rest: [] };
  if (title) result.title = title;
  if (subtitle) result.subtitle = subtitle;
  if (head.location) result.location = head.location;
  for (const other of others) {
    if (result.location === undefined && looksLikePlace(other)) result.location = other;
    else result.rest.push(other);
  }
  return result;
}
