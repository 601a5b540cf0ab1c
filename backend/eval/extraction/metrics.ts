import { cvFacts, normalizeDate, SECTION_KEYS, type Cv, type CvFact, type SectionKey } from '@r2w/cv-schema';

/*
 * Field-level extraction accuracy.
 *
 * A CV is reduced to its facts with cvFacts(): one fact per stated leaf value. Each fact is
 * keyed by its section and its field path without list indices, e.g.
 * `experience.responsibilities`, `experience.dateRange.start`, `skills.skills`,
 * `contact.professionalLinks.url`. For every key, the extracted values and the true values
 * are compared as multisets of normalised values:
 *
 *   matched   = Σ over values v of min(true count of v, extracted count of v)
 *   precision = matched / extracted facts      (1 when nothing was extracted)
 *   recall    = matched / true facts            (1 when there was nothing to find)
 *   F1        = harmonic mean of the two        (0 when either is 0)
 *
 * Sections and the overall score are micro-averaged: matched, extracted and true counts are
 * summed over keys (and over documents) before dividing, so every fact weighs the same.
 *
 * Consequences: item order does not matter, and neither does which item a value sits in:
 * a bullet filed under the wrong job still matches (the section and field must be right).
 * A value filed under the wrong field or section is one miss plus one extra.
 *
 * Normalisation of a value: Unicode NFKC, lower case, invisible characters removed, curly
 * quotes and primes made straight, every dash and minus made "-", whitespace collapsed and
 * trimmed. Numbers and booleans are compared as their decimal/true/false text.
 *
 * Dates: single dates (issueDate, dateReceived, startDate…) and a date range's start and end
 * are first normalised with the schema's normalizeDate (so "March 2021" and "2021-03" are the
 * same fact); a range's `text` is compared as text. Not scored: ids and section titles (the
 * editor's, not the CV's), a range's `isCurrent` (its text and the absent end already say it),
 * and the `…Text` twins of single dates (issueDateText…), which JSON Resume imports keep to
 * round-trip the date as written: scoring them would count one date twice.
 */

const DATE_FIELDS = new Set(['start', 'end', 'issueDate', 'expirationDate', 'dateReceived', 'datePublished', 'dateGranted', 'date', 'completionDate', 'dateGiven', 'startDate', 'endDate']);
const UNSCORED_FIELDS = new Set(['isCurrent', 'issueDateText', 'dateReceivedText', 'datePublishedText', 'startDateText', 'endDateText']);

export function normalizeValue(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u05f3`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u05f4«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212\u05be]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ScoredFact {
  section: SectionKey;
  /** Field path without list indices: `experience.dateRange.start`. */
  field: string;
  /** The value as stated (dates normalised). */
  value: string;
  /** The value compared. */
  key: string;
}

/** The facts of a CV that are scored, with their field keys and normalised values. */
export function scoredFacts(cv: Cv): ScoredFact[] {
  return cvFacts(cv).flatMap((fact: CvFact) => {
    const field = fact.path.replace(/\[\d+\]/g, '');
    const leaf = field.slice(field.lastIndexOf('.') + 1);
    if (UNSCORED_FIELDS.has(leaf)) return [];
    const written = String(fact.value);
    const value = DATE_FIELDS.has(leaf) && typeof fact.value === 'string' ? normalizeDate(written) : written;
    const key = normalizeValue(value);
    return key ? [{ section: fact.section, field, value, key }] : [];
  });
}

/** Counts of one comparison, or of many added together. */
export interface Tally {
  /** Facts in the ground truth. */
  truth: number;
  /** Facts the extraction stated. */
  extracted: number;
  /** Facts in both (multiset intersection). */
  matched: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export const emptyTally = (): Tally => ({ truth: 0, extracted: 0, matched: 0 });

export function addTally(into: Tally, more: Tally): Tally {
  into.truth += more.truth;
  into.extracted += more.extracted;
  into.matched += more.matched;
  return into;
}

export function scores({ truth, extracted, matched }: Tally): Scores {
  const precision = extracted === 0 ? 1 : matched / extracted;
  const recall = truth === 0 ? 1 : matched / truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface Comparison {
  bySection: Record<SectionKey, Tally>;
  overall: Tally;
  /** True facts the extraction did not state. */
  missed: ScoredFact[];
  /** Extracted facts the CV does not state (or states under another field). */
  extra: ScoredFact[];
}

function byField(facts: ScoredFact[]): Map<string, ScoredFact[]> {
  const groups = new Map<string, ScoredFact[]>();
  for (const fact of facts) groups.set(fact.field, [...(groups.get(fact.field) ?? []), fact]);
  return groups;
}

/** Pairs each true fact with one not yet paired extracted fact of the same value; returns what is left on each side. */
function multisetDifference(truth: ScoredFact[], extracted: ScoredFact[]): { missed: ScoredFact[]; extra: ScoredFact[] } {
  const unclaimed = [...extracted];
  const missed: ScoredFact[] = [];
  for (const fact of truth) {
    const index = unclaimed.findIndex((candidate) => candidate.key === fact.key);
    if (index === -1) missed.push(fact);
    else unclaimed.splice(index, 1);
  }
  return { missed, extra: unclaimed };
}

export function compareCvs(truth: Cv, extracted: Cv): Comparison {
  const truthFields = byField(scoredFacts(truth));
  const extractedFields = byField(scoredFacts(extracted));
  const bySection = Object.fromEntries(SECTION_KEYS.map((key) => [key, emptyTally()])) as Record<SectionKey, Tally>;
  const missed: ScoredFact[] = [];
  const extra: ScoredFact[] = [];

  for (const field of new Set([...truthFields.keys(), ...extractedFields.keys()])) {
    const wanted = truthFields.get(field) ?? [];
    const found = extractedFields.get(field) ?? [];
    const difference = multisetDifference(wanted, found);
    const section = (wanted[0] ?? found[0])!.section;
    addTally(bySection[section], { truth: wanted.length, extracted: found.length, matched: wanted.length - difference.missed.length });
    missed.push(...difference.missed);
    extra.push(...difference.extra);
  }
  const overall = SECTION_KEYS.reduce((sum, key) => addTally(sum, bySection[key]), emptyTally());
  return { bySection, overall, missed, extra };
}
