import { emptyCv, type Cv, type SectionKey, type SkillCategory } from '@r2w/cv-schema';
import { displayHeading } from '../shared/display-case';
import { useSite, type Site } from '../shared/site-context';
import { clean, hasContent } from '../shared/text';

export type ListSectionKey = Exclude<SectionKey, 'hero' | 'contact' | 'summary' | 'skills'>;
export type EntryOf<Key extends ListSectionKey> = Cv[Key]['items'][number];

// Referees never chose to be on a public web page: their email and phone stay in the CV
// (the owner can share them on request) and out of the published site and its scrapers.
const PRIVATE_FIELDS: Partial<Record<ListSectionKey, readonly string[]>> = { references: ['email', 'phone'] };

const DEFAULT_TITLES = emptyCv();

/** The entries a visitor would see something of; blank ones (an editor's new, unfilled row) are left out. */
export function visibleEntries<Key extends ListSectionKey>(cv: Cv, key: Key): EntryOf<Key>[] {
  const items: readonly EntryOf<Key>[] = cv[key].items;
  return items.filter((item) => hasContent(item, PRIVATE_FIELDS[key]));
}

export function visibleSkillCategories(cv: Cv): SkillCategory[] {
  return cv.skills.skillCategories.filter((category) => hasContent(category));
}

/**
 * The section's heading as the CV names it; in the site's language when the CV left it blank
 * or kept the schema's default name (which is English whatever the CV's language, so it
 * cannot tell a heading the CV wrote from one it never renamed).
 */
export function sectionTitle(cv: Cv, key: ListSectionKey | 'skills', { labels, settings }: Pick<Site, 'labels' | 'settings'>): string {
  const written = clean(cv[key].sectionTitle);
  const isDefault = written === null || written.toLocaleLowerCase('en') === DEFAULT_TITLES[key].sectionTitle.toLocaleLowerCase('en');
  return isDefault ? labels.sectionNames[key] : displayHeading(written, settings.language);
}

export function useSectionTitle(cv: Cv, key: ListSectionKey | 'skills'): string {
  return sectionTitle(cv, key, useSite());
}

/** Jobs the CV marks as ongoing, in the CV's order. */
export function currentPositions(cv: Cv): EntryOf<'experience'>[] {
  return visibleEntries(cv, 'experience').filter((item) => item.dateRange?.isCurrent === true);
}
