import { OneColumnPage } from '../one-column';
import { BODY_SECTION_ORDER } from '../sections';
import type { TemplateDefinition, TemplateProps } from '../types';
import { editorialCss, editorialFonts } from './styles';
import { editorialTheme } from './theme';

// One column in the markup; the stylesheet sets the sections in two on wide screens.
const EditorialTemplate = (props: TemplateProps) => <OneColumnPage {...props} templateId="editorial" order={BODY_SECTION_ORDER} />;

export const editorialTemplate: TemplateDefinition<'editorial'> = {
  id: 'editorial',
  name: 'Editorial',
  description: 'A magazine profile: a centred serif masthead between rules, the summary as a standfirst with a drop capital, sections in two columns.',
  Component: EditorialTemplate,
  theme: editorialTheme,
  css: editorialCss,
  fonts: editorialFonts,
};
