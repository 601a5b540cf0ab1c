import { BODY_SECTION_ORDER, BodySections, ContactSection, Hero } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { minimalCss } from './styles';
import { minimalTheme } from './theme';

function MinimalTemplate({ cv, settings, photo }: TemplateProps) {
  return (
    <Page cv={cv} settings={settings} photo={photo} templateId="minimal">
      <header className="masthead">
        <Hero cv={cv} />
        <ContactSection cv={cv} hiddenTitle />
      </header>
      <Main>
        <BodySections cv={cv} order={BODY_SECTION_ORDER} />
      </Main>
    </Page>
  );
}

export const minimalTemplate: TemplateDefinition<'minimal'> = {
  id: 'minimal',
  name: 'Minimal',
  description: 'A classic single column: serif headings, generous white space, section names in the margin.',
  Component: MinimalTemplate,
  theme: minimalTheme,
  css: minimalCss,
};
