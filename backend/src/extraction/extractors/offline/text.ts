// Small string facts shared by the offline extractor's parsers. Values taken from a CV are
// always slices of its text; these helpers only decide where to cut.

/** Lower case without accents, so "Expérience" and "EXPERIENCE" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u0591-\u05c7]/g, '')
    .toLowerCase()
    .replace(/[’‘`´׳]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** The text without a closing parenthetical: "Spanish (native)" → "Spanish". */
export const withoutBrackets = (text: string): string => text.replace(/\s*\([^()]*\)\s*$/u, '');

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Upper case throughout, with enough letters to tell (scripts without case, like Hebrew, never are). */
export function isAllCaps(text: string): boolean {
  const cased = text.match(/[\p{Lu}\p{Ll}]/gu) ?? [];
  return cased.length >= 3 && cased.every((letter) => letter === letter.toUpperCase());
}

// Every dash Unicode has (\p{Pd}: hyphens, figure, en and em dashes, the horizontal bar, small
// and full-width forms), the minus sign, and the soft hyphen some PDF fonts put for "-".
export const DASHES = String.raw`\p{Pd}\u2212\u00ad`;
// Dashes as long as an em dash part things even without spaces ("Acme—Berlin"); shorter ones
// only with spaces around them, since they also join words and numbers.
const LONG_DASHES = String.raw`\u2014\u2015\u2e3a\u2e3b\ufe58`;

// Punctuation and dashes around a piece once a neighbour has been cut away: "Acme Inc. —" → "Acme Inc.".
// An opening bracket may start a piece ("(917) 555-0133"); it is dropped only when unmatched.
const DANGLING_START = new RegExp(String.raw`^[\s,;:|/•·${DASHES}]+`, 'u');
// Taken off the end by endWithout, one character at a time.
const DANGLING_END = new RegExp(String.raw`[\s,;:|/•·${DASHES}([]`, 'u');
// Every character tidy may take away; any other one stays in what it returns.
const TIDIED_CHARACTERS = String.raw`\s,;:|/•·${DASHES}()[`;
const TIDIED_AWAY = new RegExp(`[${TIDIED_CHARACTERS}]`, 'u');
const KEPT_BY_TIDY = new RegExp(`[^${TIDIED_CHARACTERS}]`, 'u');

/**
 * Where the text ends once the characters `strip` matches, tested one at a time (a letter
 * outside the BMP as one), are taken off its end. It costs only what is taken off, where
 * a pattern like `[…]+$` tries every run in the text: quadratic in a long run.
 */
export function endWithout(text: string, strip: RegExp): number {
  let end = text.length;
  while (end > 0) {
    const width = end > 1 && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
    if (!strip.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return end;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const withoutDanglingEnd = (text: string): string => text.slice(0, endWithout(text, DANGLING_END));

/** The text without separators left at either end, and without unmatched brackets around it. */
export function tidy(text: string): string {
  let result = withoutDanglingEnd(text.replace(DANGLING_START, ''));
  const opened = (result.match(/\(/g) ?? []).length;
  const closed = (result.match(/\)/g) ?? []).length;
  if (closed > opened && result.endsWith(')')) result = withoutDanglingEnd(result.slice(0, -1));
  if (opened > closed && result.startsWith('(')) result = result.slice(1).replace(DANGLING_START, '');
  return result.trim();
}

/**
 * Whether tidy leaves nothing of the text, looking for a character it keeps from the start
 * or, with `fromEnd`, from the end: the side of a long line nearest to the point that
 * matters, so that asking this at every date of the line stays linear.
 */
export function tidiesAway(text: string, fromEnd = false): boolean {
  const kept = fromEnd ? endWithout(text, TIDIED_AWAY) > 0 : KEPT_BY_TIDY.test(text);
  return !kept && tidy(text) === '';
}

// Separators CVs put between the parts of one line: "Engineer | Acme | 2020", "Acme — Berlin",
// and the tab the text layer puts where a row's pieces sit far apart ("Acme Inc.  ⇥  Seoul").
const PART_SEPARATOR = new RegExp(String.raw`\s*[\t|•·▪◦]\s*|\s+[${DASHES}]+\s+|\s*[${LONG_DASHES}]\s*`, 'gu');
export const DASH = new RegExp(String.raw`\s+[${DASHES}]+\s+|\s*[${LONG_DASHES}]\s*`, 'u');
const STRONG_SEPARATOR = /\s*[\t|•·▪◦]\s*/gu;
// A comma between parts, not the one before a legal form ("Amazon.com, Inc.").
const SEPARATING_COMMA = /,\s(?!(?:inc|ltd|llc|plc|gmbh|corp|co|s\.?a|s\.?l)\b\.?)/iu;

/**
 * The parts of a line between separators, tidied, empty ones left out. A line that uses
 * commas keeps its dashes: they belong to names then ("Solutions Architect – Associate, AWS");
 * so does any line when `dashes` is false.
 */
export function splitParts(text: string, dashes = true): string[] {
  return text
    .split(dashes && !SEPARATING_COMMA.test(text) ? PART_SEPARATOR : STRONG_SEPARATOR)
    .map(tidy)
    .filter((part) => part !== '');
}

/** Splits a list written in one line: "Python, Go; Rust • SQL", "Java、Go、Python". Commas inside brackets do not split. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0 && /[\t,;|•·▪◦/،，、；]/u.test(char) && !isSlashInWord(current, char)) {
      items.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  items.push(current);
  return items.map(tidy).filter((item) => item !== '');
}

// "CI/CD", "TCP/IP" and "UI/UX" are one skill; a slash with spaces around it separates.
function isSlashInWord(before: string, char: string): boolean {
  return char === '/' && /\S$/.test(before);
}

// A Hebrew or Arabic label over a value in Latin letters, in a line the text layer left in the
// order drawn: the label stands last, its colon on its left ("Python, SQL :الأدوات").
const DRAWN_RIGHT_TO_LEFT = /^([^:：\u0590-\u08ff]+?)\s+[:：]([\u0590-\u08ff][^:：]{0,39})$/u;

/** "Label: value" with a short label; null when the line is not of that form. */
export function labelled(text: string): { label: string; value: string } | null {
  const drawn = DRAWN_RIGHT_TO_LEFT.exec(text);
  if (drawn?.[1] && drawn[2]) return { label: drawn[2].trim(), value: drawn[1].trim() };
  const match = /^([^:：]{1,40})[:：]\s*(.*)$/u.exec(text);
  const label = match?.[1]?.trim();
  const value = match?.[2]?.trim() ?? '';
  // "https://…" is an address and "10:30" a time, not labels; nor is the end of a sentence
  // wrapped from the line above with the start of the next ("Automobilindustrie. Schwerpunkte:"),
  // which a label never holds (an abbreviation's word is shorter: "Sr. Engineer:", "Admin. Tools:").
  if (!label || /^(?:https?|ftp|mailto)$/i.test(label) || (/\d$/.test(label) && /^\d/.test(value)) || /\p{L}{6,}[.!?]\s+\p{Lu}/u.test(label)) return null;
  return { label, value };
}

/**
 * Whether the line reads as a sentence rather than a title, a name or a list: mostly in
 * lower case (titles and names capitalise their words, "Engineer at Acme Inc." included)
 * and either ending like a sentence or long.
 */
export function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const cased = words.filter((word) => /^[^\p{L}]*[\p{Lu}\p{Ll}]/u.test(word));
  // Scripts without case (Hebrew) leave length and the full stop to decide.
  const sentenceCase = cased.length < words.length / 2 || cased.filter((word) => /^[^\p{L}]*\p{Ll}/u.test(word)).length >= cased.length * 0.4;
  if (/[.!?]["”»]?$/u.test(text.trim()) && words.length >= 3 && (sentenceCase || words.length >= 12)) return true;
  return sentenceCase && words.length >= (cased.length < words.length / 2 ? 12 : 9);
}
