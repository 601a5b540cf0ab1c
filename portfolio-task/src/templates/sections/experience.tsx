import { BulletList, Entries, Entry, Facts, Prose, Section, TagList } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function ExperienceSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'experience');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'experience');
  if (!items.length) return null;
  return (
    <Section id="experience" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry
            key={item.id}
            title={clean(item.jobTitle)}
            meta={[clean(item.companyName) && <SafeLink href={item.url}>{clean(item.companyName)}</SafeLink>, clean(item.location)]}
            date={dates.range(item.dateRange)}
          >
            <Prose text={item.companyDescription} className="prose entry__context" />
            <Prose text={item.summary} />
            <BulletList items={item.responsibilities} />
            <BulletList items={item.achievements} label={labels.keyAchievements} />
            <BulletList items={item.keyProjects} label={labels.keyProjects} />
            <Facts
              items={[
                [labels.teamSize, item.teamSize],
                [labels.reportsTo, clean(item.reportsTo)],
              ]}
            />
            <TagList items={item.technologies} label={labels.technologies} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
