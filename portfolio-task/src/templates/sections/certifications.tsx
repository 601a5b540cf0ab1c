import { Entries, Entry, Facts, LinkRow, Prose, Section, TagList } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function CertificationsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'certifications');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'certifications');
  if (!items.length) return null;
  return (
    <Section id="certifications" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry key={item.id} title={clean(item.certificationName)} meta={[clean(item.issuingOrganization)]} date={dates.single(item.issueDate, item.issueDateText)}>
            <Facts
              items={[
                [labels.expires, dates.single(item.expirationDate)],
                [labels.credentialId, clean(item.credentialId)],
                [labels.score, clean(item.score)],
              ]}
            />
            <Prose text={item.description} />
            <TagList items={item.skills} label={labels.skills} />
            <LinkRow links={[[labels.credential, item.credentialUrl]]} />
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
