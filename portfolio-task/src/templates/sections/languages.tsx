import { MetaLine, Section } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean, cleanList } from '../shared/text';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function LanguagesSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'languages');
  const { labels } = useSite();
  const items = visibleEntries(cv, 'languages');
  if (!items.length) return null;
  return (
    <Section id="languages" title={title}>
      <ul className="language-list">
        {items.map((item) => (
          <li key={item.id} className="language">
            <span className="language__name">{clean(item.language)}</span>
            <span className="language__level">{clean(item.proficiency) ?? (item.nativeLanguage ? labels.native : null)}</span>
            <MetaLine className="language__detail" parts={[typeof item.yearsOfExperience === 'number' ? labels.years(item.yearsOfExperience) : null, ...cleanList(item.certifications)]} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
