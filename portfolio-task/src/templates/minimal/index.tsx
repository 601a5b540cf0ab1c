import { OneColumnPage } from '../one-column';
import { BODY_SECTION_ORDER } from '../sections';
import type { TemplateDefinition, TemplateProps } from '../types';
import { minimalCss, minimalFonts } from './styles';
import { minimalTheme } from './theme';

const MinimalTemplate = (props: TemplateProps) => <OneColumnPage {...props} templateId="minimal" order={BODY_SECTION_ORDER} />;

export const minimalTemplate: TemplateDefinition<'minimal'> = {
  id: 'minimal',
  name: 'Minimal',
  description: 'A classic single column: serif headings, generous white space, section names in the margin.',
  Component: MinimalTemplate,
  theme: minimalTheme,
  fonts: minimalFonts,
  css: minimalCss,
};
