import { isDocumentTitle, sectionOfHeading, type HeadingKey } from './heading-words';
import type { BodyStyle, Line } from './lines';
import { isAllCaps, wordCount } from './text';

// Splits the lines into the header (name, title, contact: whatever comes before the first
// heading) and sections. A heading needs both: words that name a section, and a look that
// sets it apart from the body text (bigger, bold, capitals, a style, a rule, space above).
// Lines styled exactly like the document's other headings start sections too, even when
// their words are unknown; their content cannot be placed and is kept as unclassified.

export interface Block {
  /** null for a heading whose words name no known section. */
  key: HeadingKey | null;
  /** The heading as the CV writes it. */
  title: string;
  lines: Line[];
}

export interface Sections {
  header: Line[];
  blocks: Block[];
  /** How clearly the headings stood out, 0..1. */
  headingEvidence: Map<Block, number>;
}

interface Candidate {
  line: Line;
  key: HeadingKey;
  evidence: number;
}

const signature = (line: Line) => `${Math.round(line.fontSize * 2)}|${line.bold}|${isAllCaps(line.text)}|${line.headingLevel ?? ''}|${line.column}`;
const styleSignature = (line: Line) => signature(line).replace(/\|\d+$/, '');

/** Typographic reasons to read the line as a heading; 0 means it looks like body text. */
function styleEvidence(line: Line, style: BodyStyle): number {
  let evidence = 0;
  if (line.headingLevel !== undefined) evidence += 2;
  if (line.fontSize >= style.fontSize * 1.12) evidence += 2;
  if (line.bold && !style.bold) evidence += 1;
  if (isAllCaps(line.text)) evidence += 1;
  if (line.underlined) evidence += 2;
  if (/[:：]$/.test(line.text)) evidence += 1;
  if (line.gapBefore >= style.lineGap * 1.4) evidence += 1;
  return evidence;
}

function mayBeHeading(line: Line): boolean {
  return !line.listItem && wordCount(line.text) <= 6 && !/[.!?]$/.test(line.text) && !/@|https?:|www\./.test(line.text);
}

function mostCommon(values: readonly string[]): { value: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: { value: string; count: number } | null = null;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}

// Plain text has no fonts: a keyword standing alone on its line is all the evidence there is.
function isUnstyled(lines: readonly Line[]): boolean {
  return lines.every((line) => !line.bold && line.headingLevel === undefined && line.fontSize === lines[0]?.fontSize);
}

function keywordHeadings(lines: readonly Line[], style: BodyStyle): Candidate[] {
  const unstyled = isUnstyled(lines);
  const candidates: Candidate[] = [];
  for (const line of lines) {
    const key = mayBeHeading(line) ? sectionOfHeading(line.text) : null;
    if (!key) continue;
    const evidence = styleEvidence(line, style);
    if (evidence > 0 || unstyled) candidates.push({ line, key, evidence: unstyled ? Math.max(evidence, 1) : evidence });
  }
  // A keyword set smaller than the document's headings, or with a colon they lack, is a
  // label inside a section ("Languages:" among the skills), not a section of its own.
  const common = mostCommon(candidates.map((candidate) => styleSignature(candidate.line)));
  if (!common || common.count < 2) return candidates;
  const headingSize = Math.max(...candidates.filter((c) => styleSignature(c.line) === common.value).map((c) => c.line.fontSize));
  const colonShare = candidates.filter((c) => /[:：]$/.test(c.line.text)).length / candidates.length;
  return candidates.filter((c) => c.line.fontSize >= headingSize - 0.75 && (colonShare > 0.5 || !/[:：]$/.test(c.line.text) || styleSignature(c.line) === common.value));
}

/** Lines that look exactly like the known headings but name no known section. */
function unknownHeadings(lines: readonly Line[], known: readonly Candidate[], style: BodyStyle): Set<Line> {
  const found = new Set<Line>();
  const common = mostCommon(known.map((candidate) => signature(candidate.line)));
  if (!common || common.count < 2) return found;
  const sample = known.find((candidate) => signature(candidate.line) === common.value)!.line;
  const distinctive = sample.headingLevel !== undefined || sample.fontSize >= style.fontSize * 1.12 || isAllCaps(sample.text) || sample.underlined;
  if (!distinctive) return found;
  const gaps = known.map((candidate) => candidate.line.gapBefore).filter((gap) => gap > 0);
  const usualGap = gaps.length > 0 ? Math.min(...gaps) : 0;
  const first = lines.indexOf(known[0]!.line);
  for (const line of lines.slice(first + 1)) {
    if (known.some((candidate) => candidate.line === line) || !mayBeHeading(line) || /\d/.test(line.text)) continue;
    if (signature(line) === common.value && (line.gapBefore === 0 || line.gapBefore >= usualGap * 0.8)) found.add(line);
  }
  return found;
}

export function findSections(lines: readonly Line[], style: BodyStyle): Sections {
  const known = keywordHeadings(lines, style);
  const byLine = new Map(known.map((candidate) => [candidate.line, candidate]));
  const unknown = known.length > 0 ? unknownHeadings(lines, known, style) : new Set<Line>();
  const headingSize = Math.max(0, ...known.map((candidate) => candidate.line.fontSize));

  const header: Line[] = [];
  const blocks: Block[] = [];
  const headingEvidence = new Map<Block, number>();
  // Two-column pages come column by column; each column continues its own last section.
  const current = new Map<number, Block | null>();
  let column = lines[0]?.column ?? 0;

  lines.forEach((line, index) => {
    if (line.column !== column) column = line.column;
    const candidate = byLine.get(line);
    if (candidate || unknown.has(line)) {
      const block: Block = { key: candidate?.key ?? null, title: line.text, lines: [] };
      blocks.push(block);
      headingEvidence.set(block, Math.min(1, (candidate?.evidence ?? 1) / 3));
      current.set(column, block);
      return;
    }
    // A line set larger than every heading (the name) belongs to the header wherever it
    // stands, and so does what follows it up to the next heading: a sidebar or a table
    // cell can put the name after the first sections.
    if (blocks.length > 0 && headingSize > 0 && line.fontSize > headingSize + 2) current.set(column, null);
    if (index < 3 && blocks.length === 0 && header.length === 0 && isDocumentTitle(line.text)) return;
    const block = current.get(column);
    if (block) block.lines.push(line);
    else header.push(line);
  });
  return { header, blocks, headingEvidence };
}
