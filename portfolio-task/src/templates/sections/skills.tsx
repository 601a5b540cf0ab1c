import { Section, TagList } from '../shared/blocks';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import type { SectionProps } from './types';
import { useSectionTitle, visibleSkillCategories } from './visible';

export function SkillsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'skills');
  const { labels } = useSite();
  const categories = visibleSkillCategories(cv);
  if (!categories.length) return null;
  return (
    <Section id="skills" title={title}>
      <div className="skill-groups">
        {categories.map((category) => {
          const name = clean(category.categoryName);
          const level = clean(category.level);
          return (
            <div key={category.id} className="skill-group">
              {name ? <h3 className="skill-group__name">{name}</h3> : null}
              {level ? <p className="skill-group__level">{level}</p> : null}
              <TagList items={category.skills} label={name ?? labels.skills} />
            </div>
          );
        })}
      </div>
    </Section>
  );
}
