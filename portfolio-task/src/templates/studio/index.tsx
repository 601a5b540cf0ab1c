import { BODY_SECTION_ORDER, BodySections, ContactSection, Hero, type BodySectionKey } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { studioCss } from './styles';
import { studioTheme } from './theme';

// The work first: after the introduction, projects lead and the rest follows in the usual order.
const ORDER: readonly BodySectionKey[] = ['summary', 'projects', ...BODY_SECTION_ORDER.filter((key) => key !== 'summary' && key !== 'projects')];

function StudioTemplate({ cv, settings }: TemplateProps) {
  return (
    <Page cv={cv} settings={settings} templateId="studio">
      <header className="masthead">
        <Hero cv={cv} />
        <ContactSection cv={cv} hiddenTitle />
      </header>
      <Main>
        <BodySections cv={cv} order={ORDER} />
      </Main>
    </Page>
  );
}

export const studioTemplate: TemplateDefinition<'studio'> = {
  id: 'studio',
  name: 'Studio',
  description: 'For makers and designers: an oversized name beside a big photo, projects first as image-led cards, section names in pills.',
  Component: StudioTemplate,
  theme: studioTheme,
  css: studioCss,
};
