import { SECTION_KEYS, type SectionKey } from '@r2w/cv-schema';
import type { Origin } from './corpus';
import type { Format } from './documents';
import { addTally, emptyTally, scores, type Comparison, type ScoredFact, type Tally } from './metrics';
import { OUR_FAMILY } from './others';

export type ExtractorName = 'offline' | 'claude';

export interface DocumentResult {
  extractor: ExtractorName;
  /** The corpus CV's name, or the file name (without extension) of a document of others'. */
  cv: string;
  origin: Origin;
  /** `ours` (our renderers) or the folder under others/. */
  family: string;
  /** Our layout, or the family for others' documents. */
  layout: string;
  format: Format;
  /** ok; failed: the pipeline refused or the extractor gave up (scored as all missed); crashed: a bug. */
  status: 'ok' | 'failed' | 'crashed';
  error?: string;
  ms: number;
  /** Values the source check dropped as not in the CV's text. */
  rejectedValues: number;
  /** Claude replay of a recording made by make-synthetic-recordings.ts, not by Claude. */
  synthetic: boolean;
  comparison: Comparison;
}

export interface Aggregate {
  documents: number;
  failed: number;
  bySection: Record<SectionKey, Tally>;
  overall: Tally;
}

export function aggregate(results: DocumentResult[]): Aggregate {
  const bySection = Object.fromEntries(SECTION_KEYS.map((key) => [key, emptyTally()])) as Record<SectionKey, Tally>;
  for (const result of results) for (const key of SECTION_KEYS) addTally(bySection[key], result.comparison.bySection[key]);
  return {
    documents: results.length,
    failed: results.filter((result) => result.status !== 'ok').length,
    bySection,
    overall: SECTION_KEYS.reduce((sum, key) => addTally(sum, bySection[key]), emptyTally()),
  };
}

function groupBy<Key extends string>(results: DocumentResult[], key: (result: DocumentResult) => Key): Map<Key, DocumentResult[]> {
  const groups = new Map<Key, DocumentResult[]>();
  for (const result of results) groups.set(key(result), [...(groups.get(key(result)) ?? []), result]);
  return groups;
}

// A precision over no extracted facts, or a recall over no true facts, is not a measurement: shown as "—".
function scoreCells(tally: Tally): string[] {
  const { precision, recall, f1 } = scores(tally);
  const cell = (value: number, defined: boolean) => (defined ? value.toFixed(2) : '—').padStart(6);
  return [cell(precision, tally.extracted > 0), cell(recall, tally.truth > 0), cell(f1, tally.extracted > 0 && tally.truth > 0)];
}

const HEADER_CELLS = ['truth', 'found', 'matched'].map((name) => name.padStart(7));
const countCells = (tally: Tally) => [tally.truth, tally.extracted, tally.matched].map((count) => String(count).padStart(7));

function table(title: string, firstColumn: string, rows: [string, Tally, string?][]): string[] {
  const width = Math.max(firstColumn.length, ...rows.map(([name]) => name.length)) + 2;
  const line = (cells: string[]) => cells.join(' ').trimEnd();
  return [
    title,
    line([firstColumn.padEnd(width), ...HEADER_CELLS, ...['P', 'R', 'F1'].map((name) => name.padStart(6))]),
    ...rows.map(([name, tally, note]) => line([name.padEnd(width), ...countCells(tally), ...scoreCells(tally), note ?? ''])),
    '',
  ];
}

function sectionTable(title: string, group: Aggregate): string[] {
  const rows: [string, Tally][] = SECTION_KEYS.map((key) => [key, group.bySection[key]]);
  return table(title, 'section', [...rows, ['OVERALL', group.overall]]);
}

function breakdown(title: string, firstColumn: string, results: DocumentResult[], key: (result: DocumentResult) => string): string[] {
  const rows = [...groupBy(results, key)].map(([name, members]): [string, Tally, string] => {
    const group = aggregate(members);
    return [name, group.overall, `${group.documents} docs${group.failed ? `, ${group.failed} failed` : ''}`];
  });
  return table(title, firstColumn, rows);
}

export const SYNTHETIC_WARNING = [
  '!'.repeat(100),
  '!!  SYNTHETIC RECORDINGS. The "claude" figures replay answers that make-synthetic-recordings.ts',
  '!!  derived from the ground truth with scripted mistakes. They measure the pipeline around Claude',
  "!!  (text extraction, source check, schema) on those answers. They are NOT Claude's accuracy.",
  '!!  Record real answers with ANTHROPIC_API_KEY=… npm run eval:extraction -- --record',
  '!'.repeat(100),
];

function describeCorpus(results: DocumentResult[]): string {
  const cvs = new Set(results.map((result) => result.cv)).size;
  return `${cvs} CV${cvs === 1 ? '' : 's'}, ${results.length} documents`;
}

/** How the report names a document: the rendering's file name, or family/file for others'. */
export const documentLabel = (result: Pick<DocumentResult, 'cv' | 'origin' | 'family' | 'layout' | 'format'>) =>
  result.origin === 'others' ? `${result.family}/${result.cv}.${result.format}` : `${result.cv}.${result.layout}.${result.format}`;

// A family's kind is its name up to the first "-": jsonresume-even and jsonresume-paper are both themes.
const kindOf = (family: string) => family.split('-')[0]!;

/** Overall scores of our layouts and of others', and of others' by kind. */
function oursAndOthers(results: DocumentResult[]): string[] {
  const others = results.filter((result) => result.family !== OUR_FAMILY);
  const rows: [string, DocumentResult[]][] = [
    [OUR_FAMILY, results.filter((result) => result.family === OUR_FAMILY)],
    ['others', others],
    ...[...groupBy(others, (result) => `others: ${kindOf(result.family)}-*`)],
  ];
  return table(
    "Our layouts and others' (overall)",
    'layouts',
    rows.filter(([, members]) => members.length > 0).map(([name, members]) => [name, aggregate(members).overall, `${members.length} docs`]),
  );
}

const f1Of = (result: DocumentResult) => scores(result.comparison.overall).f1;
const factLine = (sign: string, fact: ScoredFact) => `    ${sign} ${fact.field} = ${JSON.stringify(fact.value.length > 90 ? `${fact.value.slice(0, 87)}...` : fact.value)}`;

/** The documents with the lowest F1, each with a few of its missed (-) and extra (+) facts. */
export function weakestDocuments(results: DocumentResult[], count = 10, factsEach = 4): string[] {
  const weakest = [...results].sort((a, b) => f1Of(a) - f1Of(b) || documentLabel(a).localeCompare(documentLabel(b))).slice(0, count);
  const lines = [`Weakest ${weakest.length} documents (F1; a few missed "-" and extra "+" facts each)`];
  for (const result of weakest) {
    const { missed, extra, overall } = result.comparison;
    const status = result.status === 'ok' ? '' : ` ${result.status.toUpperCase()}`;
    lines.push(`  ${f1Of(result).toFixed(2)}  ${documentLabel(result)}${status}: ${missed.length} missed, ${extra.length} extra of ${overall.truth} true facts`);
    lines.push(...missed.slice(0, factsEach).map((fact) => factLine('-', fact)), ...extra.slice(0, factsEach).map((fact) => factLine('+', fact)));
  }
  return [...lines, ''];
}

/** The printed report of one extractor's results. */
export function extractorReport(extractor: ExtractorName, results: DocumentResult[], verbose: boolean): string[] {
  const synthetic = results.some((result) => result.synthetic);
  const name = extractor === 'claude' ? (synthetic ? 'claude — REPLAY OF SYNTHETIC RECORDINGS, NOT CLAUDE' : 'claude — replay of recorded answers') : 'offline';
  const lines = ['', '='.repeat(100), `EXTRACTOR: ${name}`, '='.repeat(100), ...(synthetic ? SYNTHETIC_WARNING : []), ''];
  const byOrigin = groupBy(results, (result) => result.origin);
  const own = byOrigin.get('project') ?? [];
  const sample = byOrigin.get('jsonresume') ?? [];
  const others = byOrigin.get('others') ?? [];
  const ours = results.filter((result) => result.family === OUR_FAMILY);
  if (own.length > 0) lines.push(...sectionTable(`Project corpus (${describeCorpus(own)})`, aggregate(own)));
  if (sample.length > 0) lines.push(...sectionTable(`JSON Resume sample (${describeCorpus(sample)})`, aggregate(sample)));
  if (others.length > 0) lines.push(...sectionTable(`Layouts by others (${new Set(others.map((result) => result.family)).size} families, ${others.length} documents)`, aggregate(others)));
  lines.push(...oursAndOthers(results));
  lines.push(...breakdown('By layout family', 'family', results, (result) => result.family));
  lines.push(...breakdown('By format (all documents)', 'format', results, (result) => result.format));
  if (ours.length > 0) {
    lines.push(...breakdown('By layout (our renderers)', 'layout', ours, (result) => result.layout));
    lines.push(...breakdown('By CV (all its documents in our layouts)', 'cv', ours, (result) => result.cv));
  }
  lines.push(...weakestDocuments(results));
  lines.push(`Values dropped by the source check: ${results.reduce((sum, result) => sum + result.rejectedValues, 0)}`);

  const failures = results.filter((result) => result.status !== 'ok');
  lines.push(failures.length === 0 ? 'Failed extractions: none' : `Failed extractions (${failures.length}, scored as all facts missed):`);
  for (const failure of failures) lines.push(`  ${failure.status.toUpperCase()} ${documentLabel(failure)}: ${failure.error ?? ''}`);

  if (verbose) {
    for (const result of results) {
      const { missed, extra } = result.comparison;
      lines.push('', `--- ${documentLabel(result)} (${result.status}): ${missed.length} missed, ${extra.length} extra`);
      for (const fact of missed) lines.push(`  - ${fact.field} = ${JSON.stringify(fact.value)}`);
      for (const fact of extra) lines.push(`  + ${fact.field} = ${JSON.stringify(fact.value)}`);
    }
  }
  if (synthetic) lines.push('', ...SYNTHETIC_WARNING);
  return lines;
}

/** The --json file: every document's counts and misses, and the same groupings as the printout. */
export function jsonReport(results: DocumentResult[], durationMs: number) {
  const summarise = (members: DocumentResult[]) => {
    const group = aggregate(members);
    return { ...group, scores: scores(group.overall), sectionScores: Object.fromEntries(SECTION_KEYS.map((key) => [key, scores(group.bySection[key])])) };
  };
  const byExtractor = groupBy(results, (result) => result.extractor);
  return {
    durationMs,
    syntheticClaudeRecordings: results.some((result) => result.synthetic),
    extractors: Object.fromEntries(
      [...byExtractor].map(([extractor, members]) => [
        extractor,
        {
          ...Object.fromEntries([...groupBy(members, (result) => result.origin)].map(([origin, group]) => [origin, summarise(group)])),
          byFormat: Object.fromEntries([...groupBy(members, (result) => result.format)].map(([format, group]) => [format, summarise(group)])),
          byLayout: Object.fromEntries([...groupBy(members, (result) => result.layout)].map(([layout, group]) => [layout, summarise(group)])),
          byFamily: Object.fromEntries([...groupBy(members, (result) => result.family)].map(([family, group]) => [family, summarise(group)])),
        },
      ]),
    ),
    documents: results,
  };
}
