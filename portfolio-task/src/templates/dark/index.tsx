import { BODY_SECTION_ORDER, BodySections, ContactSection, Hero, SectionNav } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { darkCss, darkFonts } from './styles';
import { darkTheme } from './theme';

function DarkTemplate({ cv, settings, photo }: TemplateProps) {
  return (
    <Page cv={cv} settings={settings} photo={photo} templateId="dark">
      <header className="masthead">
        <Hero cv={cv} />
        <ContactSection cv={cv} hiddenTitle />
        <SectionNav cv={cv} order={BODY_SECTION_ORDER} />
      </header>
      <Main>
        <BodySections cv={cv} order={BODY_SECTION_ORDER} />
      </Main>
    </Page>
  );
}

export const darkTemplate: TemplateDefinition<'dark'> = {
  id: 'dark',
  name: 'Dark',
  description: 'Dark and high-contrast: a poster-sized name, a mint accent, numbered sections and entries as cards.',
  Component: DarkTemplate,
  theme: darkTheme,
  fonts: darkFonts,
  css: darkCss,
};
