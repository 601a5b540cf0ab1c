import { emptySkillCategory, type SkillCategory } from '@r2w/cv-schema';
import type { BodyStyle, Line } from '../lines';
import { labelled, splitList, wordCount } from '../text';
import type { Parsed } from './parsed';
import { compact } from './values';

// "Category: a, b, c" lines, a label or a bold subheading over lists, or plain lists. A line
// listing several skills is a category of its own; skills one per line (bullets) gather
// into one category until the next label.

// "Frontend (Expert)": a level written after the category's name.
const WITH_LEVEL = /^(.+?)\s*\(([^()]+)\)$/u;

function named(label: string): Pick<SkillCategory, 'categoryName' | 'level'> {
  const match = WITH_LEVEL.exec(label);
  return match?.[1] && match[2] ? { categoryName: match[1], level: match[2] } : { categoryName: label };
}

function isSubheading(line: Line, next: Line | undefined, style: BodyStyle): boolean {
  const standsOut = (line.bold && !style.bold) || line.fontSize > style.fontSize + 0.5;
  return standsOut && !line.listItem && wordCount(line.text) <= 5 && !/[,;]/.test(line.text) && next !== undefined && !(next.bold && !style.bold);
}

export function parseSkills(lines: readonly Line[], style: BodyStyle): Parsed<SkillCategory> {
  const categories: SkillCategory[] = [];
  // The category that following one-skill lines join, if any.
  let open: SkillCategory | null = null;
  const start = (fields: Partial<SkillCategory>, skills: string[]): SkillCategory => {
    const category = { ...emptySkillCategory(), ...fields, skills };
    categories.push(category);
    return category;
  };
  lines.forEach((line, index) => {
    const pair = labelled(line.text);
    if (pair && pair.value) {
      start(named(pair.label), splitList(pair.value));
      open = null;
    } else if (pair) {
      open = start(named(pair.label), []);
    } else if (isSubheading(line, lines[index + 1], style)) {
      open = start(named(line.text), []);
    } else {
      const skills = splitList(line.text);
      if (open && (open.categoryName !== undefined || skills.length === 1)) open.skills = [...(open.skills ?? []), ...skills];
      else if (skills.length === 1) open = start({}, skills);
      else start({}, skills);
    }
  });
  // A label with nothing under it lists no skills; its words are kept as unclassified text.
  const empty = categories.filter((category) => (category.skills?.length ?? 0) === 0);
  return {
    items: categories.filter((category) => !empty.includes(category)).map((category) => compact(category)),
    unclassified: empty.flatMap((category) => (category.categoryName ? [category.categoryName] : [])),
  };
}
