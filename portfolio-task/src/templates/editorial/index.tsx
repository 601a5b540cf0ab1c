import { BODY_SECTION_ORDER, BodySections, ContactSection, Hero } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { editorialCss } from './styles';
import { editorialTheme } from './theme';

function EditorialTemplate({ cv, settings }: TemplateProps) {
  return (
    <Page cv={cv} settings={settings} templateId="editorial">
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

export const editorialTemplate: TemplateDefinition<'editorial'> = {
  id: 'editorial',
  name: 'Editorial',
  description: 'A magazine profile: a centred serif masthead between rules, the summary as a standfirst with a drop capital, sections in two columns.',
  Component: EditorialTemplate,
  theme: editorialTheme,
  css: editorialCss,
};
