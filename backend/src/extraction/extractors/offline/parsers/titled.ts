import type { HeadFacts } from '../entry-head';
import { organisationEvidence } from '../roles';
import { tidy, wordCount } from '../text';
import { mentionsLevel } from './languages';
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

// "by MHacks 16", "Awarded by MHacks 16", "Issued by Adobe", "Délivré par l'AFNOR".
const GIVEN_BY =
  /^(?:(?:awarded|issued|granted|presented|conferred|given|offered|d[ée]cern[ée]e?|d[ée]livr[ée]e?|otorgad[oa]|expedid[oa]|concedid[oa]|verliehen|ausgestellt|vergeben)\s+)?(?:by|from|von|par|por|de la part de)\s+/iu;

// "First Place, Snacks Category , The Dieline Awards": a comma with a space before it is
// where a layout joined two fields; the commas inside each (spaced as writing spaces them)
// stay.
const FIELD_COMMA = /\s+,\s+/u;

export interface TitledOptions {
  /**
   * The second name is whoever gave the thing (an issuer, a provider): when the first line
   * names an organisation and the second names none, the layout set the giver above the
   * thing ("Interaction Design Foundation" over "Accessibility: How to Design for All").
   */
  givenBy?: boolean;
}

const LAST_BRACKETS = /^(.+?)\s*\(([^()]+)\)$/u;
// Grades a certificate states in brackets after its name ("Solutions Architect (Associate)").
const GRADE = /^(?:associate|professional|expert|foundation|practitioner|specialty|fundamentals|master|level\b.*|hons|honours)$/iu;

// An organisation's short name in brackets ("CEGOS"), as opposed to a status or a kind
// ("Expired", "Online", "Category B"), which a name's own words cannot tell apart.
const ACRONYM = /^\p{Lu}{2,6}$/u;
// A proper name of three words or more ("Texas Board of Nursing") is no status either.
const LONG_NAME = /^\p{Lu}\S*(?:\s+\S+){2,}$/u;

/**
 * "Basic Life Support (BLS) (American Heart Association)", "Management d'équipe (CEGOS)": a
 * name in brackets after the thing, with no one else named, is whoever gave it when it reads
 * as an organisation (its words, a short name in capitals or a longer proper name), unless it is the thing's
 * initials, a grade or a level, a year or a count.
 */
function bracketedGiver(text: string): { title: string; giver: string } | null {
  const match = LAST_BRACKETS.exec(text);
  if (!match) return null;
  const [name, giver] = [tidy(match[1]!), tidy(match[2]!)];
  if (/\d/u.test(giver) || wordCount(giver) > 6 || GRADE.test(giver) || mentionsLevel(giver) || initialsOf(giver, name)) return null;
  return organisationEvidence(giver) >= 1 || ACRONYM.test(giver) || LONG_NAME.test(giver) ? { title: name, giver } : null;
}

/** "BLS" after "Basic Life Support", "CSM" after "Certified ScrumMaster": the letters are the name's capitals and words' first letters, in order. */
function initialsOf(short: string, name: string): boolean {
  if (/\s/u.test(short) || /\p{Ll}.*\p{Ll}/u.test(short)) return false;
  const initials = (name.match(/\p{L}+/gu) ?? []).map((word) => word[0]!.toUpperCase() + word.slice(1).replace(/\P{Lu}/gu, '')).join('');
  let at = 0;
  for (const letter of short.toUpperCase()) {
    at = initials.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

export function titled(head: HeadFacts, { givenBy = false }: TitledOptions = {}): Titled {
  const withText = head.lineTexts.flatMap((text, line) => (text ? [line] : []));
  let [titleLine, subtitleLine] = withText;
  if (givenBy && titleLine !== undefined && subtitleLine !== undefined && organisationEvidence(head.lineTexts[titleLine]!) >= 2 && organisationEvidence(head.lineTexts[subtitleLine]!) === 0) {
    [titleLine, subtitleLine] = [subtitleLine, titleLine];
  }
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
  const bracketed = givenBy && given === undefined && title !== undefined ? bracketedGiver(title) : null;
  if (bracketed) title = bracketed.title;
  // "Second Place / by MHacks 16": the words that say who gave it are no part of the name.
  const subtitle = (bracketed?.giver ?? given)?.replace(GIVEN_BY, '');
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
