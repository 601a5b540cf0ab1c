import { BODY_SECTION_ORDER, BodySections, ContactSection, hasSection, Hero, LanguagesSection, SkillsSection } from '../sections';
import { Main, Page } from '../shared/page';
import type { TemplateDefinition, TemplateProps } from '../types';
import { modernCss, modernFonts } from './styles';
import { modernTheme } from './theme';

const MAIN_ORDER = BODY_SECTION_ORDER.filter((key) => key !== 'skills' && key !== 'languages');

function ModernTemplate({ cv, settings, photo }: TemplateProps) {
  const hasSidebar = hasSection(cv, 'skills') || hasSection(cv, 'languages');
  return (
    <Page cv={cv} settings={settings} photo={photo} templateId="modern">
      <div className="layout">
        <header className="masthead">
          <Hero cv={cv} />
          <ContactSection cv={cv} />
        </header>
        <Main>
          <BodySections cv={cv} order={MAIN_ORDER} />
        </Main>
        {/* An empty complementary landmark would be announced with nothing in it. */}
        {hasSidebar ? (
          <aside className="sidebar">
            <SkillsSection cv={cv} />
            <LanguagesSection cv={cv} />
          </aside>
        ) : null}
      </div>
    </Page>
  );
}

export const modernTemplate: TemplateDefinition<'modern'> = {
  id: 'modern',
  name: 'Modern',
  description: 'Two columns: photo, contact, skills and languages in a sidebar; experience on a timeline and projects as cards.',
  Component: ModernTemplate,
  theme: modernTheme,
  fonts: modernFonts,
  css: modernCss,
};
