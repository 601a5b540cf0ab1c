import type { SkillCategory } from '@r2w/cv-schema';
import { dateRank } from './entry-head';
import type { HeadingKey } from './heading-words';
import { languageAndLevel } from './language-names';
import type { BodyStyle } from './lines';
import { mentionsLevel } from './parsers/languages';
import type { Parsed } from './parsers/parsed';
import { parseSkills } from './parsers/skills';
import type { Block } from './sections';
import { isProse, labelled, splitList, withoutBrackets, wordCount } from './text';

// A sidebar may set each group of skills under a heading of its own, styled like the section
// headings, with no "Skills" heading over them: "DESIGN" over "Brand identity / Typography",
// "TOOLS" over "Figma / InDesign", "LANGUAGES" over "Python / Rust". Such headings name skill
// groups: two or more blocks in a row of one column, each a bare list of terms (one short
// name a line, or a row of them set as tags), are the skills, each block a category named by its heading. A block whose
// heading names no section, or the skills, may be a group; so may one headed like the
// spoken languages whose lines name none.

const TERM_WORDS = 4;

const isTerm = (text: string) => !text.includes('\t') && wordCount(text) <= TERM_WORDS && splitList(text).length === 1 && labelled(text) === null && !isProse(text) && dateRank(text) === 0;
// A row of terms set as tags ("Agile ⇥ Roadmap ⇥ Figma") lists terms too.
const listsTerms = (text: string) => text.split('\t').every(isTerm);

const namesNoLanguage = (block: Block) => block.lines.every((line) => languageAndLevel(withoutBrackets(line.text)) === null && !mentionsLevel(line.text));

function mayBeGroup(block: Block, key: HeadingKey | null): boolean {
  if (block.lines.length === 0 || !block.lines.every((line) => listsTerms(line.text))) return false;
  return key === null || key === 'skills' || (key === 'languages' && namesNoLanguage(block));
}

const columnOf = (block: Block) => `${block.lines[0]?.page}:${block.lines[0]?.column}`;

/** The blocks that are groups of skills set under headings of their own. */
export function skillGroups(blocks: readonly Block[], keyOf: (block: Block) => HeadingKey | null): Set<Block> {
  const groups = new Set<Block>();
  let run: Block[] = [];
  const close = () => {
    // Spoken languages' heading over terms alone is no evidence: another group must stand beside it.
    if (run.length >= 2 && run.some((block) => keyOf(block) !== 'languages')) run.forEach((block) => groups.add(block));
    run = [];
  };
  for (const block of blocks) {
    const member = mayBeGroup(block, keyOf(block));
    if (!member || (run.length > 0 && columnOf(run[0]!) !== columnOf(block))) close();
    if (member) run.push(block);
  }
  close();
  return groups;
}

/** A group's skills, named by its heading when its lines list them without naming a category. */
export function parseSkillGroup(block: Block, style: BodyStyle): Parsed<SkillCategory> {
  const parsed = parseSkills(block.lines, style);
  const unnamed = parsed.items.filter((category) => category.categoryName === undefined);
  return { ...parsed, items: unnamed.length === 1 ? parsed.items.map((category) => (category === unnamed[0] ? { ...category, categoryName: block.title } : category)) : parsed.items };
}
