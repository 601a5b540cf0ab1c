import { execFileSync } from 'node:child_process';
import { CvSchema, normalizeDate, SECTION_KEYS, type Cv, type DateRange } from '@r2w/cv-schema';
import { normalizeValue } from '../metrics';

// The truth of a document whose layout someone else wrote: the facts of the CV it was made
// from that the document actually prints, read back independently of the extractor (poppler's
// pdftotext, not pdf.js). A theme that drops a field must not count that field as missed, and a
// date is true as the layout prints it ("Dec 2013 – Present"), not as the input wrote it.

/** The PDF's text as poppler reads it, in its two reading orders (blocks, and content-stream order). */
export function pdfTexts(file: string): string[] {
  return ['-nopgbrk', '-raw'].map((mode) => execFileSync('pdftotext', ['-enc', 'UTF-8', mode, file, '-'], { encoding: 'utf8' }));
}

/** A .docx's text as Word lays it out in paragraphs (tabs kept), read from its XML with unzip. */
export function docxTexts(file: string): string[] {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!);
  return [text];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a text prints, normalised as the scorer normalises values, for "is this value printed?". */
export class PrintedText {
  private readonly normal: string;
  private readonly squeezed: string;

  constructor(readonly texts: string[]) {
    this.normal = texts.map(normalizeValue).join('\n');
    this.squeezed = squeeze(this.normal);
  }

  /** Printed as a word or phrase of its own; long values also survive letter-spacing and line breaks inside words. */
  prints(value: string): boolean {
    const key = normalizeValue(value);
    if (!key) return false;
    // Scripts that do not separate words with spaces (Chinese, Japanese) have no word boundary to ask for.
    const before = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(key) ? '' : '(?<![\\p{L}\\p{N}])';
    const after = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(key) ? '' : '(?![\\p{L}\\p{N}])';
    if (new RegExp(`${before}${escape(key)}${after}`, 'u').test(this.normal)) return true;
    return key.length >= 8 && this.squeezed.includes(squeeze(key));
  }

  /** The first of the forms that is printed. */
  firstPrinted(forms: string[]): string | undefined {
    return forms.find((form) => this.prints(form));
  }

  /** The first match of a pattern in the raw texts, whitespace collapsed. */
  find(pattern: RegExp): string | undefined {
    for (const text of this.texts) {
      const match = pattern.exec(text.replace(/\s+/g, ' '));
      if (match) return match[0].trim();
    }
    return undefined;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayForms(year: string, month: string, day: string): string[] {
  const name = MONTHS[Number(month) - 1] ?? '';
  const short = name.slice(0, 3);
  const d = String(Number(day));
  return [
    `${year}-${month}-${day}`,
    `${name} ${d}, ${year}`,
    `${name} ${day}, ${year}`,
    `${short} ${d}, ${year}`,
    `${short} ${day}, ${year}`,
    `${d} ${name} ${year}`,
    `${d} ${short} ${year}`,
    `${day}/${month}/${year}`,
    `${month}/${day}/${year}`,
    `${day}.${month}.${year}`,
  ];
}

function monthForms(year: string, month: string): string[] {
  const name = MONTHS[Number(month) - 1] ?? '';
  const short = name.slice(0, 3);
  return [
    `${year}-${month}`,
    `${name}, ${year}`,
    `${name} ${year}`,
    `${short}., ${year}`,
    `${short}. ${year}`,
    `${short}, ${year}`,
    `${short} ${year}`,
    `${month}/${year}`,
    `${String(Number(month))}/${year}`,
    `${year}/${month}`,
    `${month}.${year}`,
  ];
}

/**
 * The ways a layout may print an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), most specific first.
 * Layouts that format dates print a date without a month or day as the first of the month or
 * year ("2016" as "Jan 2016"), and the page, not the input, is the truth.
 */
export function dateForms(iso: string): string[] {
  const [year, month, day] = iso.split('-');
  if (!year) return [];
  return [...dayForms(year, month ?? '01', day ?? '01'), ...monthForms(year, month ?? '01'), year];
}

const SEPARATOR = String.raw`\s*(?:[-‐‑‒–—―−~]|to|until|bis|à|a)\s*`;
const ONGOING = String.raw`(?:present|current|now|today|ongoing|heute|aujourd'hui|actualidad|actualmente|至今|現在|היום|الآن)`;

/** A date range as the document prints it, or undefined when the layout does not print it. */
function printedRange(range: DateRange, page: PrintedText): DateRange | undefined {
  // An open range the CV wrote as "2019 –" is printed inside "2019 – Present": the page's words are the truth.
  const open = range.text && !range.end ? page.find(new RegExp(`(?<![\\p{L}\\p{N}])${escape(range.text.replace(/[\s\-‐‑‒–—―−~]+$/u, ''))}${SEPARATOR}${ONGOING}(?![\\p{L}\\p{N}])`, 'iu')) : undefined;
  if (open) return { ...range, text: open };
  // A layout that prints the range as the CV wrote it ("Summer 2017", "2021 – الآن") keeps it as it is.
  if (range.text && page.prints(range.text)) return range;
  const alternatives = (iso: string | null | undefined) => (iso ? dateForms(iso).map(escape).join('|') : undefined);
  const start = alternatives(range.start);
  const end = alternatives(range.end);
  if (!start) return undefined;
  const tail = end ? `(?<end>${end})` : `(?<end>${ONGOING})`;
  const boundary = String.raw`(?<![\p{L}\p{N}])`;
  for (const pattern of [`${boundary}(?<start>${start})${SEPARATOR}${tail}(?![\\p{L}\\p{N}])`, ...(end ? [] : [`${boundary}(?<start>${start})(?![\\p{L}\\p{N}])`])]) {
    const text = page.find(new RegExp(pattern, 'iu'));
    if (!text) continue;
    const groups = new RegExp(pattern, 'iu').exec(text)!.groups!;
    const printedEnd = end && groups.end ? normalizeDate(groups.end) : null;
    return { start: normalizeDate(groups.start!), end: printedEnd, isCurrent: !end, text };
  }
  return undefined;
}

const DATE_FIELDS = new Set(['issueDate', 'expirationDate', 'dateReceived', 'datePublished', 'dateGranted', 'date', 'completionDate', 'dateGiven', 'startDate', 'endDate']);
const DATE_TWINS = new Set(['issueDateText', 'dateReceivedText', 'datePublishedText', 'startDateText', 'endDateText']);
const URL_FIELD = /url$|Url$|Profile$/;

/** A URL as printed: with its scheme, or as people print links (no scheme, no www., no final slash). */
export function urlForms(url: string): string[] {
  const bare = url.replace(/^[a-z]+:\/\//i, '');
  return [url, bare, bare.replace(/^www\./i, ''), bare.replace(/\/$/, ''), bare.replace(/^www\./i, '').replace(/\/$/, '')];
}

export interface PrintedTruth {
  truth: Cv;
  /** Paths of the CV's values the document does not print. */
  dropped: string[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The facts of `cv` that `page` prints, dates and links as printed. */
export function printedTruth(cv: Cv, page: PrintedText): PrintedTruth {
  const dropped: string[] = [];
  const keep = (value: Json, path: string, key: string): Json | undefined => {
    if (Array.isArray(value)) {
      const kept = value.map((entry, index) => keep(entry, `${path}[${index}]`, key)).filter((entry) => entry !== undefined);
      return kept.length > 0 ? kept : undefined;
    }
    if (value !== null && typeof value === 'object') {
      if (key === 'dateRange') {
        const range = printedRange(value as unknown as DateRange, page);
        if (!range) dropped.push(path);
        return range as unknown as Json;
      }
      const entries = Object.entries(value).flatMap(([name, entry]) => {
        if (name === 'id' || name === 'sectionTitle') return [[name, entry] as const];
        const kept = keep(entry, `${path}.${name}`, name);
        return kept === undefined ? [] : [[name, kept] as const];
      });
      return Object.fromEntries(entries);
    }
    if (typeof value === 'number') return page.prints(String(value)) ? value : undefined;
    // A flag ("native") is stated by the values printed beside it: it goes with its entry.
    if (typeof value === 'boolean') return value;
    if (typeof value !== 'string') return undefined;
    if (DATE_TWINS.has(key)) return undefined;
    const printed = DATE_FIELDS.has(key) ? page.firstPrinted(dateForms(normalizeDate(value))) : URL_FIELD.test(key) ? page.firstPrinted(urlForms(value)) : page.prints(value) ? value : undefined;
    if (printed === undefined) dropped.push(path);
    return DATE_FIELDS.has(key) && printed ? normalizeDate(printed) : printed;
  };
  const truth: Record<string, Json> = {
    schemaVersion: cv.schemaVersion,
    ...Object.fromEntries(SECTION_KEYS.map((section) => [section, keep(cv[section] as unknown as Json, section, section) ?? {}])),
  };
  // An entry left with no printed fact is not on the page at all.
  for (const section of SECTION_KEYS) {
    const value = truth[section] as Record<string, Json>;
    for (const list of ['items', 'skillCategories']) {
      if (list in cv[section])
        value[list] = ((value[list] as Record<string, Json>[] | undefined) ?? []).filter((entry) => Object.entries(entry).some(([name, fact]) => name !== 'id' && typeof fact !== 'boolean'));
    }
  }
  return { truth: CvSchema.parse(truth), dropped };
}
