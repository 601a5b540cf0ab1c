import { SECTION_KEYS, type Cv, type SectionKey } from '@r2w/cv-schema';
import type { ComponentType } from 'react';
import { useSite, type Site } from '../shared/site-context';
import { hasContent } from '../shared/text';
import { AwardsSection } from './awards';
import { CertificationsSection } from './certifications';
import { ConferencesSection } from './conferences';
import { CoursesSection } from './courses';
import { EducationSection } from './education';
import { ExperienceSection } from './experience';
import { HobbiesSection } from './hobbies';
import { LanguagesSection } from './languages';
import { MembershipsSection } from './memberships';
import { PatentsSection } from './patents';
import { ProjectsSection } from './projects';
import { PublicationsSection } from './publications';
import { ReferencesSection } from './references';
import { SkillsSection } from './skills';
import { SummarySection } from './summary';
import { TestimonialsSection } from './testimonials';
import type { SectionProps } from './types';
import { sectionTitle, visibleEntries, visibleSkillCategories } from './visible';

export { ContactSection } from './contact';
export { Hero } from './hero';
export * from './types';
export { currentPositions } from './visible';
export { SkillsSection, LanguagesSection };

/** Sections that make up the body of a page; hero and contact belong to each template's header. */
export type BodySectionKey = Exclude<SectionKey, 'hero' | 'contact'>;

const BODY_SECTIONS: Record<BodySectionKey, ComponentType<SectionProps>> = {
  summary: SummarySection,
  experience: ExperienceSection,
  education: EducationSection,
  skills: SkillsSection,
  projects: ProjectsSection,
  certifications: CertificationsSection,
  languages: LanguagesSection,
  hobbies: HobbiesSection,
  testimonials: TestimonialsSection,
  memberships: MembershipsSection,
  awards: AwardsSection,
  publications: PublicationsSection,
  patents: PatentsSection,
  conferences: ConferencesSection,
  courses: CoursesSection,
  references: ReferencesSection,
};

/** The schema's own order, which is also the editor's. */
export const BODY_SECTION_ORDER: readonly BodySectionKey[] = SECTION_KEYS.filter((key): key is BodySectionKey => key !== 'hero' && key !== 'contact');

/** Whether the section has anything to show; the same rule the section components apply before rendering. */
export function hasSection(cv: Cv, key: BodySectionKey): boolean {
  if (key === 'summary') return hasContent(cv.summary);
  if (key === 'skills') return visibleSkillCategories(cv).length > 0;
  return visibleEntries(cv, key).length > 0;
}

export function sectionHeading(cv: Cv, key: BodySectionKey, site: Pick<Site, 'labels' | 'settings'>): string {
  return key === 'summary' ? site.labels.about : sectionTitle(cv, key, site);
}

/** The given sections in the given order; each leaves itself out when empty. */
export function BodySections({ cv, order }: SectionProps & { order: readonly BodySectionKey[] }) {
  return (
    <>
      {order.map((key) => {
        const Component = BODY_SECTIONS[key];
        return <Component key={key} cv={cv} />;
      })}
    </>
  );
}

/** In-page links to the sections present, for the longer templates. */
export function SectionNav({ cv, order }: SectionProps & { order: readonly BodySectionKey[] }) {
  const site = useSite();
  const present = order.filter((key) => hasSection(cv, key));
  if (!present.length) return null;
  return (
    <nav className="site-nav" aria-label={site.labels.sections}>
      <ul>
        {present.map((key) => (
          <li key={key}>
            <a href={`#${key}`}>{sectionHeading(cv, key, site)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
