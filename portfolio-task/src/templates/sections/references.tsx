import { Entries, Entry, Prose, Section } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean, joinText } from '../shared/text';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

/** Who vouches for the owner and what they said; their own contact details are not published (see visible.ts). */
export function ReferencesSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'references');
  const { labels } = useSite();
  const items = visibleEntries(cv, 'references');
  if (!items.length) return null;
  return (
    <Section id="references" title={title}>
      <Entries>
        {items.map((item) => (
          <Entry
            key={item.id}
            title={clean(item.name)}
            meta={[joinText([item.title, item.company]), clean(item.relationship), typeof item.yearsKnown === 'number' ? labels.knownFor(item.yearsKnown) : null]}
          >
            {clean(item.referenceText) ? (
              <blockquote className="reference__text">
                <Prose text={item.referenceText} />
              </blockquote>
            ) : null}
          </Entry>
        ))}
      </Entries>
    </Section>
  );
}
