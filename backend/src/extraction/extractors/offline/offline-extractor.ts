import { emptyCv, type Cv, type LanguageItem, type SectionKey } from '@r2w/cv-schema';
import type { DocumentText } from '../../text/document-text';
import type { ParserPool } from '../../text/parser-pool';
import type { CvExtractor, ExtractorResult } from '../extractor';
import { splitEntries, withoutStrays, type Entry, type SplitOptions } from './entries';
import { unflowedGrid } from './grid-flow';
import { looksLikeName, parseHeader } from './header';
import type { HeadingKey } from './heading-words';
import { bodyStyle, readingLines, type BodyStyle, type Line } from './lines';
import { parseAwards } from './parsers/awards';
import { parseCertifications } from './parsers/certifications';
import { parseConferences } from './parsers/conferences';
import { parseCourses } from './parsers/courses';
import { parseEducation } from './parsers/education';
import { parseExperience } from './parsers/experience';
import { parseHobbies } from './parsers/hobbies';
import { languageItem, parseLanguages } from './parsers/languages';
import { parseMemberships } from './parsers/memberships';
import type { Parsed } from './parsers/parsed';
import { parsePatents } from './parsers/patents';
import { parseProjects } from './parsers/projects';
import { parsePublications } from './parsers/publications';
import { parseReferences } from './parsers/references';
import { parseSkills } from './parsers/skills';
import { parseSummary } from './parsers/summary';
import { parseTestimonials, unquoted } from './parsers/testimonials';
import { sectionOfContent } from './section-content';
import { contactLinesAmong } from './stray-contact';
import { displacedHeader, findSections, type Block } from './sections';
import { parseSkillGroup, skillGroups } from './skill-groups';
import { languagesAmongSkills } from './skill-languages';
import { fold } from './text';

type ListKey = Exclude<HeadingKey, 'contact' | 'summary' | 'skills'>;

// Volunteering shares the memberships section; its entries are marked as such.
const VOLUNTEERING = /volunt|benevol|ehrenamt|התנדב|community service|community involvement/u;

// A section of entries, its stray lines (see withoutStrays) kept as unclassified text.
const entryParser =
  (parse: (entries: readonly Entry[]) => Parsed<object>, options: SplitOptions = {}) =>
  (block: Block, style: BodyStyle): Parsed<object> => {
    const { entries, stray } = withoutStrays(splitEntries(unflowedGrid(block.lines), style, options));
    const parsed = parse(entries);
    return { items: parsed.items, unclassified: [...stray.map((line) => line.text), ...parsed.unclassified] };
  };

const DETAILED: SplitOptions = { labelledDetails: true };

const PARSERS: Record<ListKey, (block: Block, style: BodyStyle) => Parsed<object>> = {
  experience: entryParser(parseExperience, DETAILED),
  education: entryParser(parseEducation, DETAILED),
  projects: entryParser(parseProjects, DETAILED),
  certifications: entryParser(parseCertifications),
  awards: entryParser(parseAwards),
  courses: entryParser(parseCourses),
  conferences: entryParser(parseConferences),
  patents: entryParser(parsePatents),
  references: entryParser(parseReferences),
  memberships: (block, style) => entryParser((entries) => parseMemberships(entries, VOLUNTEERING.test(fold(block.title))), DETAILED)(block, style),
  languages: (block) => parseLanguages(block.lines),
  hobbies: (block) => parseHobbies(block.lines),
  publications: (block, style) => parsePublications(block.lines, style),
  testimonials: (block) => parseTestimonials(block.lines),
};

// The facts an entry of each section is expected to state: how many of them the parser
// filled tells how well the entries were understood.
const CORE_FIELDS: Record<ListKey, readonly string[]> = {
  experience: ['jobTitle', 'companyName', 'dateRange'],
  education: ['degree', 'institution', 'dateRange'],
  projects: ['title'],
  certifications: ['certificationName', 'issuingOrganization'],
  awards: ['awardName'],
  courses: ['courseName'],
  conferences: ['eventName'],
  patents: ['title', 'patentNumber'],
  references: ['name'],
  memberships: ['organizationName'],
  languages: ['language'],
  hobbies: ['hobbyName'],
  publications: ['title', 'authors'],
  testimonials: ['testimonialText', 'authorName'],
};

/** 0..1 from how clearly the heading stood out and how completely the entries were read. */
function sectionConfidence(items: readonly object[], core: readonly string[], headingEvidence: number): number {
  if (items.length === 0) return 0.2;
  const filled = items.reduce((sum, item) => sum + core.filter((field) => (item as Record<string, unknown>)[field] !== undefined).length / core.length, 0) / items.length;
  return Math.round((0.3 + 0.3 * headingEvidence + 0.4 * filled) * 100) / 100;
}

// A heading whose words name no section is placed by what stands under it. "Recommendations"
// heads both quoted praise and lists of referees: the content decides. Praise is signed after
// the quotation ("— Ana Ruiz, CTO"); a referee is named before any quotation.
function contentKey(block: Block): HeadingKey | null {
  if (block.key === null) return sectionOfContent(block.lines);
  if (block.key !== 'references' && block.key !== 'testimonials') return block.key;
  const signed = block.lines.some((line, index) => unquoted(line.text) !== null && /^\s*[—–-]/u.test(block.lines[index + 1]?.text ?? ''));
  const quoted = block.lines.some((line) => unquoted(line.text) !== null);
  if (block.key === 'references') return signed ? 'testimonials' : 'references';
  return quoted ? 'testimonials' : 'references';
}

/** Reads a CV without a network or a model: layout and wording decide where each line goes. */
export function extractOffline(document: DocumentText): ExtractorResult {
  const style = bodyStyle(document.lines);
  const { header, blocks, headingEvidence } = findSections(readingLines(document, style), style);
  const cv: Cv = emptyCv();
  const unclassified: string[] = [];
  const confidence: Partial<Record<SectionKey, number>> = {};
  const byKey = new Map<HeadingKey, Block[]>();
  const groups = skillGroups(blocks, contentKey);
  for (const block of blocks) {
    const key = groups.has(block) ? 'skills' : contentKey(block);
    if (key === null) unclassified.push(block.title, ...block.lines.map((line) => line.text));
    else byKey.set(key, [...(byKey.get(key) ?? []), block]);
  }
  const linesOf = (key: HeadingKey): Line[] => (byKey.get(key) ?? []).flatMap((block) => block.lines);
  const evidenceOf = (key: HeadingKey) => Math.max(0, ...(byKey.get(key) ?? []).map((block) => headingEvidence.get(block) ?? 0));

  const contactInSummary = contactLinesAmong(linesOf('summary'));
  const contactLines = [...linesOf('contact'), ...contactInSummary];
  let top = parseHeader(header, contactLines, style);
  if (!top.hero.fullName) {
    const moved = displacedHeader(blocks, style, looksLikeName);
    if (moved.length > 0) top = parseHeader([...header, ...moved], contactLines, style);
  }
  cv.hero = top.hero;
  cv.contact = top.contact;
  unclassified.push(...top.leftover);
  if (top.hero.fullName) confidence.hero = top.confidence.hero;
  if (Object.keys(top.contact).length > 0) confidence.contact = top.confidence.contact;

  const summaryBlocks = byKey.get('summary') ?? [];
  // An unlabelled paragraph under the name is the summary when the CV has no summary section.
  const summary = parseSummary(
    linesOf('summary').filter((line) => !contactInSummary.includes(line)),
    summaryBlocks.length === 0 ? top.prose : [],
  );
  if (summaryBlocks.length > 0) unclassified.push(...top.prose);
  cv.summary = summary.summary;
  unclassified.push(...summary.unclassified);
  if (Object.keys(cv.summary).length > 0) confidence.summary = summaryBlocks.length > 0 ? sectionConfidence([cv.summary], ['summaryText'], evidenceOf('summary')) : 0.4;

  const skillBlocks = byKey.get('skills') ?? [];
  // "Languages: English (native), Spanish (fluent)" in a skills section lists languages.
  let spoken: LanguageItem[] = [];
  if (skillBlocks.length > 0) {
    const plain = parseSkills(
      skillBlocks.filter((block) => !groups.has(block)).flatMap((block) => block.lines),
      style,
    );
    const grouped = skillBlocks.filter((block) => groups.has(block)).map((block) => parseSkillGroup(block, style));
    const skills = { items: [...plain.items, ...grouped.flatMap((group) => group.items)], unclassified: [...plain.unclassified, ...grouped.flatMap((group) => group.unclassified)] };
    const { languages, categories } = languagesAmongSkills(skills.items);
    spoken = languages.flatMap((category) => (category.skills ?? []).map(languageItem));
    skills.items = categories;
    cv.skills = { sectionTitle: skillBlocks[0]!.title, skillCategories: skills.items };
    unclassified.push(...skills.unclassified);
    confidence.skills = sectionConfidence(skills.items, ['skills'], evidenceOf('skills'));
  }

  for (const key of Object.keys(PARSERS) as ListKey[]) {
    const sectionBlocks = byKey.get(key) ?? [];
    if (sectionBlocks.length === 0) continue;
    const parsed = sectionBlocks.map((block) => PARSERS[key](block, style));
    const items = parsed.flatMap((result) => result.items);
    unclassified.push(...parsed.flatMap((result) => result.unclassified));
    // The cast holds: each parser builds its own section's items from that section's empty item.
    (cv[key] as { sectionTitle: string; items: object[] }) = { sectionTitle: sectionBlocks[0]!.title, items };
    confidence[key] = sectionConfidence(items, CORE_FIELDS[key], evidenceOf(key));
  }
  if (spoken.length > 0) {
    cv.languages = { ...cv.languages, items: [...cv.languages.items, ...spoken] };
    confidence.languages ??= 0.5;
  }
  return { cv, unclassifiedText: unclassified.filter((text) => text.trim() !== ''), confidence };
}

export interface OfflineExtractorPool {
  pool: ParserPool;
  timeoutMs: number;
}

export class OfflineExtractor implements CvExtractor {
  readonly name = 'offline' as const;

  /**
   * With a pool, each extraction runs in its processes, under their memory limit and
   * `timeoutMs`: how long it takes grows with the document's shape, which the uploader
   * chooses, and here it would hold this process's event loop. Without one (the eval,
   * tests) it runs in this process.
   */
  constructor(private readonly inPool?: OfflineExtractorPool) {}

  async extract(document: DocumentText): Promise<ExtractorResult> {
    return this.inPool ? this.inPool.pool.extract(document, this.inPool.timeoutMs) : extractOffline(document);
  }
}
