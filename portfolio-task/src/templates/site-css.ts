import { BASE_CSS } from './shared/base-css';
import { themeCss } from './shared/theme-css';
import type { ResolvedSettings } from './settings';
import type { TemplateDefinition } from './types';

/** The whole stylesheet of a site: colours, shared blocks, then the template's layout. */
export function siteCss(template: TemplateDefinition, settings: Pick<ResolvedSettings, 'accentColor'>): string {
  return themeCss(template.theme, settings.accentColor) + BASE_CSS + template.css;
}
