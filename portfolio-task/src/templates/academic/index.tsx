import { BodySections, ContactSection, Hero, SectionNav, type BodySectionKey } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { Affiliation } from './affiliation';
import { academicCss, academicFonts } from './styles';
import { academicTheme } from './theme';

// Research output first, as a faculty page or an academic CV orders it.
const ORDER: readonly BodySectionKey[] = [
  'summary',
  'publications',
  'patents',
  'conferences',
  'awards',
  'experience',
  'education',
  'projects',
  'certifications',
  'courses',
  'memberships',
  'skills',
  'languages',
  'testimonials',
  'hobbies',
  'references',
];

function AcademicTemplate({ cv, settings, photo }: TemplateProps) {
  return (
    <Page cv={cv} settings={settings} photo={photo} templateId="academic">
      <header className="masthead">
        <Hero cv={cv}>
          <Affiliation cv={cv} />
        </Hero>
        <ContactSection cv={cv} hiddenTitle />
        <SectionNav cv={cv} order={ORDER} />
      </header>
      <Main>
        <BodySections cv={cv} order={ORDER} />
      </Main>
    </Page>
  );
}

export const academicTemplate: TemplateDefinition<'academic'> = {
  id: 'academic',
  name: 'Academic',
  description: 'For researchers: publications as a numbered reference list, then patents, talks and awards, in a serif set like a journal.',
  Component: AcademicTemplate,
  theme: academicTheme,
  fonts: academicFonts,
  css: academicCss,
};
