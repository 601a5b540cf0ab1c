import type { SkillCategory } from '@r2w/cv-schema';
import { sectionOfHeading } from './heading-words';
import { languageAndLevel } from './language-names';
import { withoutBrackets } from './text';

// Skills sections often hold the spoken languages too ("Languages: English (native), Spanish
// (fluent)", or a "Languages" subheading over a list). Those are languages, never skills: a
// category named like the languages section, or one whose every item names a language
// ("English (C2), Deutsch (Muttersprache)"), is taken out of the skills. Every item must name
// a spoken language: "Languages: Python, TypeScript, Go" are programming languages.

function isLanguages(category: SkillCategory): boolean {
  const skills = category.skills ?? [];
  const named = category.categoryName !== undefined && category.categoryName !== null && sectionOfHeading(category.categoryName) === 'languages';
  return skills.length >= (named ? 1 : 2) && skills.every((skill) => languageAndLevel(withoutBrackets(skill)) !== null);
}

export function languagesAmongSkills(categories: readonly SkillCategory[]): { languages: SkillCategory[]; categories: SkillCategory[] } {
  const languages = categories.filter(isLanguages);
  return { languages, categories: categories.filter((category) => !languages.includes(category)) };
}
