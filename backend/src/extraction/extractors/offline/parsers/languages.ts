import { emptyLanguageItem, type LanguageItem } from '@r2w/cv-schema';
import { withLabelsJoined } from '../entry-body';
import { fieldOfLabel, SECTION_FIELDS } from '../field-labels';
import { sectionOfHeading } from '../heading-words';
import { isLanguageName, languageAndLevel } from '../language-names';
import type { Line } from '../lines';
import { fold, splitList, splitParts, tidy, wordCount } from '../text';
import { compact, countIn } from './values';
import type { Parsed } from './parsed';

// "Spanish: Native", "English — C1 (TOEFL 110)", "French (B2)", "German B1", or several
// languages in one line: "English, Spanish, French".

const NATIVE = /\b(?:native|mother tongue|first language|bilingual|nativo|nativa|lengua materna|materna|langue maternelle|maternelle|muttersprache|muttersprachlich)\b|שפת אם/iu;
// Levels written after the language without a separator: "English C1", "Deutsch fließend".
const LEVEL_WORDS = String.raw`[ABC][12]|native|fluent|advanced|intermediate|basic|beginner|conversational|proficient|professional|nativo|nativa|fluido|avance|avanzado|intermedio|basico|courant|bilingue|intermediaire|debutant|notions|fliessend|fließend|verhandlungssicher|gut|grundkenntnisse|muttersprache`;
const TRAILING_LEVEL = new RegExp(String.raw`^(\p{L}[\p{L}'’\-]*)\s+((?:${LEVEL_WORDS})\b.*)$`, 'iu');
const IN_BRACKETS = /^(.+?)\s*\(([^()]+)\)$/u;

const MENTIONS_LEVEL = new RegExp(String.raw`(?:^|[\s(:–—-])(?:${LEVEL_WORDS})(?=$|[\s),.;])`, 'iu');

/** The line states how well someone speaks: "English — C1", "Deutsch (fließend)". */
export const mentionsLevel = (text: string) => MENTIONS_LEVEL.test(fold(text)) || NATIVE.test(fold(text));

// A level in brackets is part of the proficiency ("fließend (C1)"); anything else there is
// a certificate ("C1 (TOEFL iBT 110)").
const LEVEL_ONLY = new RegExp(String.raw`^(?:${LEVEL_WORDS})$`, 'iu');

function level(text: string): Pick<LanguageItem, 'proficiency' | 'certifications' | 'nativeLanguage'> {
  const bracketed = IN_BRACKETS.exec(text);
  const certified = bracketed?.[2] !== undefined && !LEVEL_ONLY.test(bracketed[2].trim());
  const proficiency = certified ? bracketed![1]! : text;
  const certifications = certified ? splitList(bracketed![2]!) : undefined;
  return { proficiency, ...(certifications ? { certifications } : {}), ...(NATIVE.test(fold(proficiency)) ? { nativeLanguage: true } : {}) };
}

// A line that is nothing but a level: "Native", "C1", "Lengua materna", "Courant (C1)".
const LEVELS_ANYWHERE = new RegExp(String.raw`${NATIVE.source}|(?:^|[\s(])(?:${LEVEL_WORDS})(?=$|[\s),.;])`, 'giu');
const isLevelOnly = (text: string): boolean =>
  mentionsLevel(text) &&
  fold(text)
    .replace(LEVELS_ANYWHERE, ' ')
    .replace(/[\s(),.;:/–—-]+/gu, '') === '';

function language(name: string, written: string | undefined): LanguageItem {
  return compact({ ...emptyLanguageItem(), language: name, ...(written ? level(written) : {}) });
}

/** One item of a list: "French (B2)", "German B1", "Fluent in Spanish", "English". */
export function languageItem(item: string): LanguageItem {
  const bracketed = IN_BRACKETS.exec(item);
  if (bracketed?.[1] && bracketed[2]) return language(bracketed[1], bracketed[2]);
  const trailing = TRAILING_LEVEL.exec(item);
  if (trailing?.[1] && trailing[2]) return language(trailing[1], trailing[2]);
  const named = languageAndLevel(item);
  return named ? language(named.language, named.level) : language(tidy(item), undefined);
}

function fromLine(text: string, label: string | undefined, value: string | undefined): LanguageItem[] {
  // "Languages: English (native), Spanish (fluent)": the label names the list, not a language.
  if (label !== undefined && value && sectionOfHeading(label) === 'languages') return splitList(value).map(languageItem);
  if (label !== undefined && value) return [language(label, value)];
  const parts = splitParts(text);
  if (parts.length === 2) return [language(parts[0]!, parts[1])];
  const items: LanguageItem[] = [];
  for (const piece of splitList(text)) {
    const item = languageItem(piece);
    const last = items.at(-1);
    // "English, Native speaker": a level that names no language is the one before it's.
    if (last && last.proficiency === undefined && item.proficiency === undefined && mentionsLevel(piece)) Object.assign(last, level(piece));
    else items.push(item);
  }
  return items;
}

/**
 * A short line naming no language, with no level of its own, under a language named without
 * one: its level, when it reads as one: a test's score ("CET-6", "HSK 5"), a level's word
 * ("Native speaker"), or words in a script
 * whose language names are all known ("母语"). A Latin word may be a language the names miss
 * ("Mandarin", "Cantonese").
 */
function namesNoLanguageUnder(text: string, above: LanguageItem): boolean {
  const item = languageItem(text);
  const readsAsLevel = /\d/u.test(text) || mentionsLevel(text) || !/\p{Script=Latin}/u.test(text);
  return readsAsLevel && isLanguageName(above.language ?? '') && !isLanguageName(item.language ?? '') && item.proficiency === undefined && wordCount(text) <= 3 && splitList(text).length === 1;
}

export function parseLanguages(lines: readonly Line[]): Parsed<LanguageItem> {
  const items: LanguageItem[] = [];
  for (const { text, label, value } of withLabelsJoined(lines)) {
    const last = items.at(-1);
    const years = label !== undefined && fieldOfLabel(label, SECTION_FIELDS.languages) === 'yearsOfExperience' ? countIn(value) : undefined;
    if (last && years !== undefined) last.yearsOfExperience = years;
    // Narrow layouts stack each language over its level ("English" / "Native", "英语" / "CET-6").
    else if (last && last.proficiency === undefined && label === undefined && (isLevelOnly(text) || namesNoLanguageUnder(text, last))) Object.assign(last, level(text));
    else items.push(...fromLine(text, label, value));
  }
  return { items, unclassified: [] };
}
