import { BulletList, Entries, Entry, Facts, LinkRow, Prose, Section, TagList } from '../shared/blocks';
import { safeWebUrl } from '../shared/safe-url';
import { useSite } from '../shared/site-context';
import { clean, cleanList } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function ProjectsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'projects');
  const { labels } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'projects');
  if (!items.length) return null;
  return (
    <Section id="projects" title={title}>
      <Entries>
        {items.map((item) => {
          const title = clean(item.title);
          const image = safeWebUrl(item.imageUrl);
          const range = dates.range(item.dateRange);
          // `role` is the CV's wording and `roles` the imported list; they often repeat each other.
          const roles = [...new Set(cleanList([item.role, ...(item.roles ?? [])]))].join(', ');
          return (
            <Entry key={item.id} title={title} meta={[clean(item.entity), clean(item.type), roles, range ? clean(item.duration) : null]} date={range ?? clean(item.duration)}>
              {image ? <img className="entry__image" src={image} alt={labels.imageOf(title ?? labels.portfolio)} loading="lazy" decoding="async" /> : null}
              <Prose text={item.description} />
              <BulletList items={item.keyFeatures} label={labels.keyFeatures} />
              <BulletList items={item.achievements} label={labels.keyAchievements} />
              <Facts
                items={[
                  [labels.challenges, clean(item.challenges)],
                  [labels.impact, clean(item.impact)],
                  [labels.teamSize, item.teamSize],
                ]}
              />
              <TagList items={item.technologies} label={labels.technologies} />
              <LinkRow
                links={[
                  [labels.website, item.projectUrl],
                  [labels.sourceCode, item.githubUrl],
                  [labels.demo, item.demoUrl],
                  [labels.video, item.videoUrl],
                ]}
              />
            </Entry>
          );
        })}
      </Entries>
    </Section>
  );
}
