import { Entries, Entry, Facts, LinkRow, Section, TagList } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function CoursesSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'courses');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'courses');
  if (!items.length) return null;
  return (
    <Section id="courses" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.courseName)} meta={[clean(item.provider), clean(item.duration)]} date={dates.single(item.completionDate)}>
            <Facts items={[[labels.grade, clean(item.grade)]]} />
            <TagList items={item.skills} label={labels.skills} />
            <LinkRow links={[[labels.certificate, item.certificateUrl]]} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
