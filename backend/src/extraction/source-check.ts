// "Facts only from the CV text": every extracted value must appear in the text the CV
// was extracted from, after normalising case, whitespace, quotes and dashes. Values that
// do not are dropped and counted (hallucinations). Labels the extractor may legitimately
// derive (section titles, ids, booleans) are not facts and are not checked.

import { withoutUnspacedGaps } from './text/unspaced-scripts';

export interface RejectedValue {
  path: string;
  value: string;
}

const NOT_FACTS = new Set(['id', 'sectionTitle', 'schemaVersion', 'extraction', 'isCurrent', 'nativeLanguage', 'membershipType']);

export function normalizeForMatch(text: string): string {
  const spaced = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[•●▪‣◦·]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return withoutUnspacedGaps(spaced);
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function urlCore(url: string): string {
  return normalizeForMatch(url)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

// A word or an address broken at a hyphen at a line's end ("single-" over "cell", "be-"
// over "hance.net") is read back as one: with its hyphen, or without it where the
// typesetter added it. Both readings of such a break are the printed text.
const LINE_BREAK_AFTER_HYPHEN = /(?<=[\p{L}\p{N}]-) (?=[\p{L}\p{N}])/gu;
const TYPESET_HYPHEN = /(?<=[\p{L}\p{N}])- (?=[\p{L}\p{N}])/gu;

export class SourceText {
  private readonly normalized: string[];
  private readonly digitsOnly: string;
  /** Without whitespace: a narrow column breaks an address anywhere ("jane@gmail.co" over "m"). */
  private readonly unbroken: string;

  constructor(text: string) {
    const normalized = normalizeForMatch(text);
    this.normalized = [normalized, normalized.replace(LINE_BREAK_AFTER_HYPHEN, ''), normalized.replace(TYPESET_HYPHEN, '')];
    this.digitsOnly = digits(text);
    this.unbroken = normalized.replace(/ /g, '');
  }

  contains(value: string, key: string): boolean {
    const needle = normalizeForMatch(value);
    if (!needle) return true;
    if (this.normalized.some((text) => text.includes(needle))) return true;
    if (key === 'email') return this.unbroken.includes(needle);
    if (/url$/i.test(key) || key === 'url' || key === 'doi') {
      const core = urlCore(value);
      return core.length > 0 && (this.normalized.some((text) => text.includes(core)) || this.unbroken.includes(core));
    }
    if (key === 'phone') {
      const d = digits(value);
      return d.length >= 6 && this.digitsOnly.includes(d);
    }
    return false;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isEmpty(value: Json | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.entries(value).every(([k, v]) => NOT_FACTS.has(k) || isEmpty(v));
  return false;
}

// A normalised date (2021-03, 2021) is the extractor's reading of what the CV wrote
// ("Mar 2021", "03/2021"), so only its year is looked for.
const NORMALISED_DATE = /^(\d{4})(-\d{2})?$/;

function isDateKey(key: string): boolean {
  return /date$|^date|^(start|end)$|completion/i.test(key);
}

/** A date range stands when the range as written appears, or else each date's year does. */
function checkDateRange(range: { [key: string]: Json }, source: SourceText): boolean {
  if (typeof range.text === 'string' && range.text && source.contains(range.text, 'text')) return true;
  const years = [range.start, range.end].filter((v): v is string => typeof v === 'string' && v.length > 0).map((v) => v.slice(0, 4));
  return years.length > 0 && years.every((year) => source.contains(year, 'year'));
}

function check(value: Json, key: string, path: string, source: SourceText, rejected: RejectedValue[]): Json | undefined {
  if (NOT_FACTS.has(key) || value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const date = isDateKey(key) ? NORMALISED_DATE.exec(value) : null;
    if (source.contains(date ? date[1]! : value, key)) return value;
    rejected.push({ path, value });
    return undefined;
  }
  if (typeof value === 'number') {
    if (source.contains(String(value), key)) return value;
    rejected.push({ path, value: String(value) });
    return undefined;
  }
  if (Array.isArray(value)) {
    const kept: Json[] = [];
    value.forEach((item, index) => {
      const checked = check(item, key, `${path}[${index}]`, source, rejected);
      // An item left with no facts at all was invented whole.
      if (checked !== undefined && !isEmpty(checked)) kept.push(checked);
    });
    return kept;
  }
  if (key === 'dateRange' || (('start' in value || 'end' in value) && 'isCurrent' in value)) {
    if (checkDateRange(value, source)) return value;
    rejected.push({ path, value: String(value.text ?? `${value.start ?? ''}–${value.end ?? ''}`) });
    return null;
  }
  const out: { [key: string]: Json } = {};
  for (const [childKey, child] of Object.entries(value)) {
    // A link's platform name ("LinkedIn") is a label read off its address.
    if (childKey === 'platform' && typeof child === 'string' && typeof value.url === 'string' && normalizeForMatch(value.url).includes(normalizeForMatch(child))) {
      out[childKey] = child;
      continue;
    }
    const checked = check(child, childKey, path ? `${path}.${childKey}` : childKey, source, rejected);
    out[childKey] = checked === undefined ? null : checked;
  }
  return out;
}

/** Returns a copy of `cv` without the values that do not appear in `text`, and those values. */
export function keepOnlySourcedValues<T extends object>(cv: T, text: string): { cv: T; rejected: RejectedValue[] } {
  const rejected: RejectedValue[] = [];
  const checked = check(cv as unknown as Json, '', '', new SourceText(text), rejected);
  return { cv: checked as unknown as T, rejected };
}
