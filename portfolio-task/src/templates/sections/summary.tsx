import { BulletList, Prose, Section, TagList } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { hasContent } from '../shared/text';
import type { SectionProps } from './types';

export function SummarySection({ cv }: SectionProps) {
  const { labels } = useSite();
  const { summaryText, yearsOfExperience, keySpecializations, careerHighlights } = cv.summary;
  if (!hasContent(cv.summary)) return null;
  return (
    <Section id="summary" title={labels.about}>
      <Prose text={summaryText} className="prose summary__text" />
      {typeof yearsOfExperience === 'number' ? <p className="summary__years">{labels.yearsOfExperience(yearsOfExperience)}</p> : null}
      <TagList items={keySpecializations} label={labels.specializations} />
      <BulletList items={careerHighlights} label={labels.highlights} />
    </Section>
  );
}
