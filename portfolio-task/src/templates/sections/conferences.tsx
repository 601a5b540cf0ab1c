import { BulletList, Entries, Entry, Prose, Section } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function ConferencesSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'conferences');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'conferences');
  if (!items.length) return null;
  return (
    <Section id="conferences" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.eventName)} meta={[clean(item.role), clean(item.location)]} date={dates.single(item.date)}>
            <Prose text={item.description} />
            <BulletList items={item.topicsPresented} label={labels.topics} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
