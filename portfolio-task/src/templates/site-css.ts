import { BASE_CSS } from './shared/base-css';
import { themeCss } from './shared/theme-css';
import { fontFaceCss, fontVariablesCss } from './shared/web-fonts';
import type { ResolvedSettings } from './settings';
import type { TemplateDefinition } from './types';

/**
 * The whole stylesheet of a site: colours, fonts, shared blocks, then the template's layout.
 * `fontsRoot` is where the site's fonts/ folder is, relative to the page ('' from the home
 * page) or absolute; null for a page with no such folder (the SPA's preview, the API's error
 * pages), which then shows the system stacks.
 */
export function siteCss(template: TemplateDefinition, settings: Pick<ResolvedSettings, 'accentColor'>, fontsRoot: string | null): string {
  const faces = fontsRoot === null ? '' : fontFaceCss(template.fonts, fontsRoot);
  return themeCss(template.theme, settings.accentColor) + faces + fontVariablesCss(template.fonts) + BASE_CSS + template.css;
}
