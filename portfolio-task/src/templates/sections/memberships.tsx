import { BulletList, Entries, Entry, Prose, Section } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function MembershipsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'memberships');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'memberships');
  if (!items.length) return null;
  return (
    <Section id="memberships" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry
            key={item.id}
            title={clean(item.organizationName) && <SafeLink href={item.url}>{clean(item.organizationName)}</SafeLink>}
            meta={[clean(item.position), clean(item.membershipType)]}
            date={dates.period(dates.single(item.startDate, item.startDateText), dates.single(item.endDate, item.endDateText))}
          >
            <Prose text={item.description} />
            <BulletList items={item.activities} label={labels.activities} />
            <BulletList items={item.achievements} label={labels.keyAchievements} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
