import { OneColumnPage } from '../one-column';
import { BODY_SECTION_ORDER, type BodySectionKey } from '../sections';
import type { TemplateDefinition, TemplateProps } from '../types';
import { studioCss, studioFonts } from './styles';
import { studioTheme } from './theme';

// The work first: after the introduction, projects lead and the rest follows in the usual order.
const ORDER: readonly BodySectionKey[] = ['summary', 'projects', ...BODY_SECTION_ORDER.filter((key) => key !== 'summary' && key !== 'projects')];

const StudioTemplate = (props: TemplateProps) => <OneColumnPage {...props} templateId="studio" order={ORDER} />;

export const studioTemplate: TemplateDefinition<'studio'> = {
  id: 'studio',
  name: 'Studio',
  description: 'For makers and designers: an oversized name beside a big photo, projects first as image-led cards, section names in pills.',
  Component: StudioTemplate,
  theme: studioTheme,
  css: studioCss,
  fonts: studioFonts,
};
