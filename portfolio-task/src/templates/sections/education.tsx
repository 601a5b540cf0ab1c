import { BulletList, Entries, Entry, Facts, Section } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { useSite } from '../shared/site-context';
import { clean, joinText } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function EducationSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'education');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'education');
  if (!items.length) return null;
  return (
    <Section id="education" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry
            key={item.id}
            title={joinText([item.degree, item.fieldOfStudy])}
            meta={[clean(item.institution) && <SafeLink href={item.url}>{clean(item.institution)}</SafeLink>, clean(item.location)]}
            date={dates.range(item.dateRange)}
          >
            <Facts
              items={[
                [labels.gpa, clean(item.gpa)],
                [labels.thesis, clean(item.thesis)],
                [labels.advisor, clean(item.advisor)],
                [labels.coursework, joinText(item.relevantCoursework ?? [])],
              ]}
            />
            <BulletList items={item.honors} label={labels.honors} />
            <BulletList items={item.activities} label={labels.activities} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
