import { Entries, Entry, Prose, Section } from '../shared/blocks';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function AwardsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'awards');
  const dates = useDates();
  const items = visibleEntries(cv, 'awards');
  if (!items.length) return null;
  return (
    <Section id="awards" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.awardName)} meta={[clean(item.issuingOrganization), clean(item.category)]} date={dates.single(item.dateReceived, item.dateReceivedText)}>
            <Prose text={item.description} />
            <Prose text={item.significance} className="prose entry__note" />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
