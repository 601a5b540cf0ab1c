import { Entries, Entry, Facts, Prose, Section } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { useSite } from '../shared/site-context';
import { clean, joinText } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function PatentsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'patents');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'patents');
  if (!items.length) return null;
  return (
    <Section id="patents" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.title) && <SafeLink href={item.url}>{clean(item.title)}</SafeLink>} meta={[clean(item.patentNumber)]} date={dates.single(item.dateGranted)}>
            <Prose text={item.description} />
            <Facts
              items={[
                [labels.inventors, joinText(item.inventors ?? [])],
                [labels.assignee, clean(item.assignee)],
              ]}
            />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
