import { SECTION_KEYS, type Cv } from '@r2w/cv-schema';
import { writeRecording, DEVIATIONS_KEY, SYNTHETIC_MARKER } from './claude-recordings';
import { loadCorpus, type CorpusCv } from './corpus';
import { cvDocument, printedText } from './cv-document';
import { normalizeValue } from './metrics';

// Stand-ins for Claude's answers, for as long as none can be recorded (no network where
// this eval was built). Each is the ground truth turned into a record_cv tool input, with
// the mistakes an LLM makes applied deterministically (seeded by the CV's name):
//   - about 5% of the values lightly reworded, so they no longer appear in the CV;
//   - three invented values (a skill, a certificate, a link…) that the CV does not state;
//   - one entry filed under the wrong section (volunteering as a job, a course as a certificate…);
//   - one date normalised differently (a year where the CV gives a month, "present" as an end);
//   - about one bullet in ten left out.
// Every file says "_synthetic": true, and the runner says so loudly. Run:
//   npx tsx backend/eval/extraction/make-synthetic-recordings.ts

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Random = () => number;

// mulberry32 seeded with FNV-1a of the name: the same CV always gets the same mistakes.
function seededRandom(seed: string): Random {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.codePointAt(0)!, 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const items = (input: JsonObject, section: string): JsonObject[] => {
  const value = input[section];
  const list = isObject(value) ? (value.items ?? value.skillCategories) : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
};
const itemList = (input: JsonObject, section: string): Json[] => {
  const value = input[section];
  if (!isObject(value)) throw new Error(`no ${section} section`);
  return (value.items ?? value.skillCategories) as Json[];
};

function withoutIds(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id')
      .map(([key, child]) => [key, withoutIds(child)]),
  );
}

/** The truth as Claude's record_cv input: the 18 sections without ids, plus confidence. */
function toolInput(cv: Cv, random: Random): JsonObject {
  const { schemaVersion: _version, extraction: _extraction, ...sections } = cv;
  const input = withoutIds(JSON.parse(JSON.stringify(sections)) as Json) as JsonObject;
  const confidence: JsonObject = {};
  for (const key of SECTION_KEYS) if (items(input, key).length > 0 || ['hero', 'contact', 'summary'].includes(key)) confidence[key] = Math.round((0.85 + random() * 0.13) * 100) / 100;
  return { ...input, unclassifiedText: [], confidence };
}

type Deviation = (input: JsonObject, random: Random, printed: string) => string[];

function rangeOf(start: Json | undefined, end: Json | undefined): JsonObject {
  const text = [start, end].filter((part) => typeof part === 'string').join(' – ');
  return { start: start ?? null, end: end ?? null, isCurrent: end === undefined, text };
}

// The section an LLM files an entry under when the CV's heading is unusual or ambiguous.
const MISPLACEMENTS: { from: string; to: string; applies: (entry: JsonObject) => boolean; convert: (entry: JsonObject) => JsonObject }[] = [
  {
    from: 'memberships',
    to: 'experience',
    applies: (entry) => entry.membershipType === 'volunteer',
    convert: (entry) => ({
      jobTitle: entry.position ?? null,
      companyName: entry.organizationName ?? null,
      dateRange: rangeOf(entry.startDate, entry.endDate),
      responsibilities: typeof entry.description === 'string' ? [entry.description] : [],
    }),
  },
  {
    from: 'courses',
    to: 'certifications',
    applies: () => true,
    convert: (entry) => ({ certificationName: entry.courseName ?? null, issuingOrganization: entry.provider ?? null, issueDate: entry.completionDate ?? null }),
  },
  {
    from: 'certifications',
    to: 'courses',
    applies: () => true,
    convert: (entry) => ({ courseName: entry.certificationName ?? null, provider: entry.issuingOrganization ?? null, completionDate: entry.issueDate ?? null }),
  },
  {
    from: 'patents',
    to: 'publications',
    applies: () => true,
    convert: (entry) => ({ title: entry.title ?? null, authors: entry.inventors ?? [], publication: entry.patentNumber ?? null, datePublished: entry.dateGranted ?? null }),
  },
  {
    from: 'awards',
    to: 'certifications',
    applies: () => true,
    convert: (entry) => ({ certificationName: entry.awardName ?? null, issuingOrganization: entry.issuingOrganization ?? null, issueDate: entry.dateReceived ?? null }),
  },
];

const misplaceEntry: Deviation = (input) => {
  for (const rule of MISPLACEMENTS) {
    const from = itemList(input, rule.from);
    const index = from.findIndex((entry) => isObject(entry) && rule.applies(entry));
    const entry = from[index];
    if (!isObject(entry)) continue;
    from.splice(index, 1);
    itemList(input, rule.to).push(rule.convert(entry));
    return [`misplaced: ${rule.from}[${index}] filed under ${rule.to}`];
  }
  return [];
};

const BULLET_FIELDS = ['responsibilities', 'achievements'];

const omitBullets: Deviation = (input, random) => {
  const lists = items(input, 'experience').flatMap((job, jobIndex) =>
    BULLET_FIELDS.flatMap((field) => (Array.isArray(job[field]) ? [{ list: job[field], at: `experience[${jobIndex}].${field}` }] : [])),
  );
  const omitted: string[] = [];
  for (const { list, at } of lists) {
    for (let index = list.length - 1; index >= 0; index -= 1) {
      if (list.length > 1 && random() < 0.1) omitted.push(`omitted bullet: ${at}[${index}] ${JSON.stringify(list.splice(index, 1)[0])}`);
    }
  }
  const longest = lists.reduce<(typeof lists)[number] | undefined>((best, entry) => (entry.list.length > (best?.list.length ?? 1) ? entry : best), undefined);
  if (omitted.length === 0 && longest) omitted.push(`omitted bullet: ${longest.at}[${longest.list.length - 1}] ${JSON.stringify(longest.list.pop())}`);
  return omitted;
};

const renormaliseDate: Deviation = (input, random) => {
  const ranges = ['experience', 'education'].flatMap((section) =>
    items(input, section).flatMap((entry, index) => (isObject(entry.dateRange) ? [{ range: entry.dateRange, at: `${section}[${index}].dateRange` }] : [])),
  );
  const monthly = ranges.filter(({ range }) => typeof range.start === 'string' && /^\d{4}-\d{2}$/.test(range.start));
  const withMonth = pick(random, monthly);
  if (withMonth) {
    const start = withMonth.range.start as string;
    withMonth.range.start = start.slice(0, 4);
    return [`date: ${withMonth.at}.start "${start}" given as "${withMonth.range.start}"`];
  }
  const current = ranges.find(({ range }) => range.isCurrent === true);
  if (!current) return [];
  current.range.end = 'present';
  return [`date: ${current.at}.end given as "present" instead of none`];
};

// Light rewording, the way a model paraphrases while copying: a synonym, "&" for "and", a
// small word dropped. The meaning stays; the exact words are no longer in the CV.
const SYNONYMS: [RegExp, string][] = [
  [/\bLed\b/, 'Headed'],
  [/\bBuilt\b/, 'Developed'],
  [/\bDesigned\b/, 'Created'],
  [/\bManaged\b/, 'Oversaw'],
  [/\breducing\b/, 'lowering'],
  [/\bcutting\b/, 'reducing'],
  [/\busing\b/, 'with'],
  [/\bcustomers\b/, 'clients'],
  [/ and /, ' & '],
];
const SMALL_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'de', 'la', 'el', 'los', 'las', 'le', 'les', 'des', 'du', 'der', 'die', 'das', 'den', 'von', 'mit', 'של', 'את', 'עם', 'על']);

function reworded(text: string, random: Random): string {
  const synonym = SYNONYMS.find(([pattern]) => pattern.test(text));
  if (synonym) return text.replace(synonym[0], synonym[1]);
  const words = text.split(' ');
  // Never the first or last word: what is left must not be a prefix or suffix the CV still contains.
  const small = words.map((word, index) => (index > 0 && index < words.length - 1 && SMALL_WORDS.has(word.toLowerCase()) ? index : -1)).filter((index) => index > 0);
  const at = pick(random, small) ?? 1 + Math.floor(random() * (words.length - 2));
  words.splice(at, 1);
  return words.join(' ');
}

// Descriptions and bullets get paraphrased; names, titles, dates and addresses are copied.
const REWORDABLE = new Set([
  'summaryText',
  'careerHighlights',
  'responsibilities',
  'achievements',
  'keyProjects',
  'companyDescription',
  'description',
  'activities',
  'thesis',
  'keyFeatures',
  'impact',
  'challenges',
  'testimonialText',
  'referenceText',
  'abstract',
  'significance',
]);

interface Leaf {
  owner: Json[] | JsonObject;
  slot: string | number;
  at: string;
  value: string;
}

function stringLeaves(owner: Json[] | JsonObject, at: string, field: string): Leaf[] {
  const children: [string | number, Json][] = Array.isArray(owner) ? owner.map((child, index) => [index, child]) : Object.entries(owner);
  return children.flatMap(([slot, child]) => {
    const key = typeof slot === 'number' ? field : slot;
    const path = typeof slot === 'number' ? `${at}[${slot}]` : at ? `${at}.${slot}` : slot;
    if (typeof child === 'string') return REWORDABLE.has(key) ? [{ owner, slot, at: path, value: child }] : [];
    return Array.isArray(child) || isObject(child) ? stringLeaves(child, path, key) : [];
  });
}

function countValues(value: Json): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, child) => sum + countValues(child), 0);
  if (isObject(value)) return Object.values(value).reduce<number>((sum, child) => sum + countValues(child), 0);
  return typeof value === 'string' ? 1 : 0;
}

const rewordValues: Deviation = (input, random) => {
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, input[key] ?? null]));
  const wordy = stringLeaves(sections, '', '').filter((leaf) => leaf.value.split(' ').length >= 4);
  const wanted = Math.max(1, Math.round(countValues(sections) * 0.05));
  const changes: string[] = [];
  for (let count = 0; count < wanted && wordy.length > 0; count += 1) {
    const [leaf] = wordy.splice(Math.floor(random() * wordy.length), 1);
    if (!leaf) break;
    const text = reworded(leaf.value, random);
    (leaf.owner as Record<string | number, Json>)[leaf.slot] = text;
    changes.push(`reworded: ${leaf.at} ${JSON.stringify(leaf.value)} → ${JSON.stringify(text)}`);
  }
  return changes;
};

// Values an LLM adds from what CVs usually say rather than from this CV.
const INVENTIONS: { describe: string; values: string[]; applies: (input: JsonObject) => boolean; apply: (input: JsonObject) => void }[] = [
  {
    describe: 'contact.availability',
    values: ['Available immediately'],
    applies: (input) => isObject(input.contact) && !input.contact.availability,
    apply: (input) => void ((input.contact as JsonObject).availability = 'Available immediately'),
  },
  {
    describe: 'hero.summaryTagline',
    values: ['Results-driven professional with a passion for excellence'],
    applies: (input) => isObject(input.hero) && !input.hero.summaryTagline,
    apply: (input) => void ((input.hero as JsonObject).summaryTagline = 'Results-driven professional with a passion for excellence'),
  },
  {
    describe: 'skills: "Microsoft Office"',
    values: ['Microsoft Office'],
    applies: (input) => items(input, 'skills').some((category) => Array.isArray(category.skills)),
    apply: (input) => (items(input, 'skills').find((category) => Array.isArray(category.skills))!.skills as Json[]).push('Microsoft Office'),
  },
  {
    describe: 'certifications: Certified ScrumMaster (CSM), Scrum Alliance, 2019',
    values: ['Certified ScrumMaster (CSM)', 'Scrum Alliance'],
    applies: () => true,
    apply: (input) => itemList(input, 'certifications').push({ certificationName: 'Certified ScrumMaster (CSM)', issuingOrganization: 'Scrum Alliance', issueDate: '2019' }),
  },
  {
    describe: 'languages: German (Basic)',
    values: ['German'],
    applies: () => true,
    apply: (input) => itemList(input, 'languages').push({ language: 'German', proficiency: 'Basic' }),
  },
  {
    describe: 'experience[0].technologies: "Jira"',
    values: ['Jira'],
    applies: (input) => items(input, 'experience').length > 0,
    apply: (input) => {
      const job = items(input, 'experience')[0]!;
      job.technologies = [...(Array.isArray(job.technologies) ? job.technologies : []), 'Jira'];
    },
  },
];

const invent: Deviation = (input, random, printed) => {
  const candidates = INVENTIONS.filter((invention) => invention.applies(input) && invention.values.every((value) => !printed.includes(normalizeValue(value))));
  const chosen: string[] = [];
  for (let count = 0; count < 3 && candidates.length > 0; count += 1) {
    const [invention] = candidates.splice(Math.floor(random() * candidates.length), 1);
    invention!.apply(input);
    chosen.push(`invented: ${invention!.describe}`);
  }
  return chosen;
};

// Structure first (moving and dropping entries), then values, so each deviation's path is where it landed.
const DEVIATIONS: Deviation[] = [misplaceEntry, omitBullets, renormaliseDate, rewordValues, invent];

export function syntheticRecording(corpusCv: CorpusCv): { input: JsonObject; deviations: string[] } {
  const random = seededRandom(corpusCv.name);
  const input = toolInput(corpusCv.cv, random);
  const printed = normalizeValue(printedText(cvDocument(corpusCv.cv, corpusCv.lang)).join('\n'));
  const deviations = DEVIATIONS.flatMap((deviation) => deviation(input, random, printed));
  return { input, deviations };
}

if (require.main === module) {
  for (const corpusCv of loadCorpus()) {
    const { input, deviations } = syntheticRecording(corpusCv);
    writeRecording(corpusCv.name, input, { [SYNTHETIC_MARKER]: true, [DEVIATIONS_KEY]: deviations });
    console.log(`recorded/${corpusCv.name}.json: ${deviations.length} deviations`);
  }
}
