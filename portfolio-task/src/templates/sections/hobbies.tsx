import { BulletList, Entries, Entry, Prose, Section, TagList } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function HobbiesSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'hobbies');
  const { labels } = useSite();
  const items = visibleEntries(cv, 'hobbies');
  if (!items.length) return null;
  return (
    <Section id="hobbies" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.hobbyName)} meta={[typeof item.yearsOfExperience === 'number' ? labels.years(item.yearsOfExperience) : null]}>
            <Prose text={item.description} />
            <BulletList items={item.achievements} label={labels.keyAchievements} />
            <TagList items={[...(item.relevantSkills ?? []), ...(item.keywords ?? [])]} label={labels.skills} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
