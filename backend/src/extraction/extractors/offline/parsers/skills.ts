import { isLanguageName } from '../language-names';
import { emptySkillCategory, type SkillCategory } from '@r2w/cv-schema';
import { INDENT, type BodyStyle, type Line } from '../lines';
import { DASHES, fold, isProse, labelled, splitList, tidy, wordCount } from '../text';
import type { Parsed } from './parsed';
import { compact } from './values';

// "Category: a, b, c" lines, a label or a bold subheading over lists, or plain lists. A line
// listing several skills is a category of its own; skills one per line (bullets) gather
// into one category until the next label.

// "Frontend (Expert)": a level written after the category's name.
const WITH_LEVEL = /^(.+?)\s*\(([^()]+)\)$/u;
// "Web Development — Master": a level set apart by a dash, which only a word of skill levels
// tells from a name that holds a dash ("Cloud — AWS").
const DASHED_LEVEL = new RegExp(String.raw`^(.+?)\s+[${DASHES}]+\s+(\p{L}+(?:\s\p{L}+)?)$`, 'u');
const SKILL_LEVEL =
  /^(?:master|expert|advanced|intermediate|beginner|basic|novice|proficient|experto|experta|avanzado|avanzada|intermedio|intermedia|basico|principiante|avance|avancee|intermediaire|debutant|experte|fortgeschritten|grundkenntnisse|sehr gut|gut|מומחה|מתקדם|בינוני|בסיסי)$/u;

function named(label: string): Pick<SkillCategory, 'categoryName' | 'level'> {
  const match = WITH_LEVEL.exec(label);
  if (match?.[1] && match[2]) return { categoryName: match[1], level: match[2] };
  const dashed = DASHED_LEVEL.exec(label);
  return dashed?.[1] && dashed[2] && SKILL_LEVEL.test(fold(dashed[2])) ? { categoryName: dashed[1], level: dashed[2] } : { categoryName: label };
}

// "Tools: Advanced, Keywords: Git, Docker" (or a tab for the comma): the category's level
// first, then its skills under a label of their own, as résumé builders print a skill's level
// and keywords. The level is a word of skill levels, not a first skill ("Languages: Python,
// Frameworks: Django"); the inner label is one name, not the end of a list ("Languages: Go,
// Java, Tools: Docker"), and names no spoken language ("English: Native, Spanish: Fluent"
// lists languages).
const LEVEL_THEN_LABEL = /^([^,，、;\t:：]+)[,，、;\t]\s*(.+)$/u;
// The inner label that says its list is the category's keywords, whatever the level's words.
const KEYWORDS_LABELS = new Set(
  [
    'keywords',
    'keyword',
    'key words',
    'schlüsselwörter',
    'stichwörter',
    'mots-clés',
    'mots clés',
    'palabras clave',
    'parole chiave',
    'palavras-chave',
    '关键字',
    '关键词',
    'キーワード',
    'מילות מפתח',
  ].map(fold),
);
const MAX_LEVEL_WORDS = 3;

function levelled(value: string): { level: string; list: string } | null {
  const match = LEVEL_THEN_LABEL.exec(value);
  const inner = match?.[2] ? labelled(match[2]) : null;
  const level = tidy(match?.[1] ?? '');
  if (
    !inner?.value ||
    /[:：]/u.test(inner.value) ||
    splitList(inner.label).length !== 1 ||
    !(SKILL_LEVEL.test(fold(level)) || KEYWORDS_LABELS.has(fold(inner.label))) ||
    wordCount(level) > MAX_LEVEL_WORDS ||
    wordCount(inner.label) > MAX_LEVEL_WORDS
  )
    return null;
  return isLanguageName(inner.label) ? null : { level, list: inner.value };
}

// Skills written as a sentence: "Proficient in Python and R, with experience in machine
// learning", "Sehr gute Kenntnisse in Java und Kotlin". The connectors and the words that
// lead into a skill ("with", "experience in"), in the five languages, are cut off; the
// list's "and" separates like its commas. A lead word needs its preposition, so "deep
// learning" and "experience design" stay whole.
const CONNECTOR = /^(?:(?:and|a|an|y|et|und|as well as|including|such as|e\.g\.|like|also|with|incl\.|como|con|comme|avec|wie|mit|sowie)\s+)*/iu;
const LEAD_WORDS =
  /^(?:(?:highly|very|strong|solid|good|basic|advanced|deep|broad|extensive|some|practical|working|hands-on|proven|excellent|sehr|gute?|fundierte?|solide|buenos?|amplia|bonnes?|solides?)\s+)*(?:proficient|proficiency|experienced|experience|skilled|skills?|fluent|fluency|versed|familiar|familiarity|competent|competence|expert|expertise|knowledge|background|understanding|command|dominio|experiencia|conocimientos?|manejo|maitrise|maîtrise|connaissances?|expérience|erfahrung|kenntnisse|vertraut|sicher)\s+(?:in|with|of|at|using|en|de|del|con|des|du|mit|im|in der)\s+/iu;
const AND = /\s+(?:and|y|et|und|&)\s+/u;
// A skill is a name, not a clause: longer pieces are left as text.
const MAX_SKILL_WORDS = 4;

/** The skills a sentence names, and the pieces of it that are no skill. */
function skillsInProse(text: string): { skills: string[]; rest: string[] } {
  const skills: string[] = [];
  const rest: string[] = [];
  for (const clause of splitList(text.replace(/[.!]$/u, ''))) {
    for (const piece of clause.split(AND)) {
      const stated = piece.replace(CONNECTOR, '');
      const named = tidy(stated.replace(LEAD_WORDS, '').replace(/^the\s+/iu, ''));
      // "Fluent in Spanish" states a spoken language and its level: the lead-in is the level,
      // which the languages section keeps (skill-languages.ts moves the item there).
      const skill = isLanguageName(named) ? tidy(stated) : named;
      if (skill === '') continue;
      if (wordCount(skill) <= MAX_SKILL_WORDS) skills.push(skill);
      else rest.push(skill);
    }
  }
  return { skills, rest };
}

// A category's name in a cell of its own, set apart from its list ("Clinical⇥Telemetry, IV
// therapy", as a two-column table or a margin sets it): a name of a few words, no list itself.
const MAX_CELL_LABEL_WORDS = 3;

function cellLabelled(text: string): { label: string; value: string } | null {
  const cells = text.split('\t');
  const [label = '', value = ''] = cells.map((cell) => tidy(cell));
  if (cells.length !== 2 || !/^\p{L}/u.test(label) || /[,;]/.test(label) || wordCount(label) > MAX_CELL_LABEL_WORDS || value === '') return null;
  return { label, value };
}

function isSubheading(line: Line, next: Line | undefined, style: BodyStyle): boolean {
  // Larger than the items under it, whether they are in the body's size or smaller (a sidebar
  // sets its lists smaller than the body); terms set one a line all larger than the body (a
  // Word file's heading style on each) stand out from none of them. Or standing over list
  // items set in from it: a font without a bold face (Chinese, Japanese) leaves a category's
  // name plain.
  const overItems = next?.listItem === true && next.x >= line.x + INDENT.min;
  const standsOut = (line.bold && !style.bold) || line.fontSize > (next?.fontSize ?? Infinity) + 0.5 || overItems;
  return standsOut && !line.listItem && wordCount(line.text) <= 5 && !/[,;]/.test(line.text) && next !== undefined && !(next.bold && !style.bold);
}

// A category's name on a line of its own over its list, in the body's type ("Languages"
// over "Go, Java, SQL", "Data" over "PostgreSQL, Kafka"): a name of a few words, no list
// itself, over a line listing several skills. Text shape alone tells it only where it
// recurs: at least twice, and every such name in the section stands over a list.
function namesOverLists(lines: readonly Line[]): Set<Line> {
  const isName = (line: Line) => !line.listItem && wordCount(line.text) <= MAX_CELL_LABEL_WORDS && splitList(line.text).length === 1 && labelled(line.text) === null && !isProse(line.text);
  const isList = (line: Line | undefined) => line !== undefined && !isName(line) && splitList(line.text).length >= 2;
  const names = lines.filter((line, index) => isName(line) && index < lines.length - 1);
  const overLists = names.filter((line) => isList(lines[lines.indexOf(line) + 1]));
  return overLists.length >= 2 && overLists.length === names.length ? new Set(overLists) : new Set();
}

export function parseSkills(lines: readonly Line[], style: BodyStyle): Parsed<SkillCategory> {
  const categoryNames = namesOverLists(lines);
  const categories: SkillCategory[] = [];
  const unclassified: string[] = [];
  const listed = (text: string): string[] => {
    // A list closed by a full stop is written as a sentence ("Figma, Adobe XD and Illustrator."): its "and" separates too.
    const sentence = isProse(text) || /\p{L}[.!]$/u.test(text) || splitList(text).some((item) => LEAD_WORDS.test(item.replace(CONNECTOR, '')));
    if (!sentence) return splitList(text);
    const { skills, rest } = skillsInProse(text);
    unclassified.push(...rest);
    return skills;
  };
  // The category that following one-skill lines join, if any.
  let open: SkillCategory | null = null;
  const start = (fields: Partial<SkillCategory>, skills: string[]): SkillCategory => {
    const category = { ...emptySkillCategory(), ...fields, skills };
    categories.push(category);
    return category;
  };
  lines.forEach((line, index) => {
    // Under a category's name, a row of cells is a row of its skills set as tags, not a name beside a list.
    const underName = open !== null && (open as SkillCategory).categoryName !== undefined;
    const pair = labelled(line.text) ?? (underName ? null : cellLabelled(line.text));
    if (pair && pair.value) {
      const level = levelled(pair.value);
      start(level ? { ...named(pair.label), level: level.level } : named(pair.label), listed(level?.list ?? pair.value));
      open = null;
    } else if (pair) {
      open = start(named(pair.label), []);
    } else if (isSubheading(line, lines[index + 1], style) || categoryNames.has(line)) {
      open = start(named(line.text), []);
    } else {
      const skills = listed(line.text);
      if (open && (open.categoryName !== undefined || skills.length === 1)) open.skills = [...(open.skills ?? []), ...skills];
      else if (skills.length === 1) open = start({}, skills);
      else start({}, skills);
    }
  });
  // A label with nothing under it lists no skills; its words are kept as unclassified text.
  const empty = categories.filter((category) => (category.skills?.length ?? 0) === 0);
  return {
    items: categories.filter((category) => !empty.includes(category)).map((category) => compact(category)),
    unclassified: [...unclassified, ...empty.flatMap((category) => (category.categoryName ? [category.categoryName] : []))],
  };
}
