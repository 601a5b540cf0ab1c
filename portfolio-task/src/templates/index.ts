import { academicTemplate } from './academic';
import { darkTemplate } from './dark';
import { editorialTemplate } from './editorial';
import { minimalTemplate } from './minimal';
import { modernTemplate } from './modern';
import { studioTemplate } from './studio';

export const TEMPLATES = [minimalTemplate, modernTemplate, darkTemplate, academicTemplate, studioTemplate, editorialTemplate] as const;

export type TemplateId = (typeof TEMPLATES)[number]['id'];

export function isTemplateId(value: unknown): value is TemplateId {
  return TEMPLATES.some((template) => template.id === value);
}

export function templateById(id: TemplateId): (typeof TEMPLATES)[number] {
  const template = TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`No template "${id}"`);
  return template;
}

export { labelsFor, SITE_LANGUAGES, type Labels, type SiteLanguage } from './i18n';
export { resolveSettings, type ResolvedSettings, type TemplateSettings } from './settings';
export { siteCss } from './site-css';
export { contrastRatio, readableAccent } from './shared/color';
export { safeHref, safeWebUrl, mailtoHref, telHref } from './shared/safe-url';
export type { Palette, TemplateDefinition, TemplateProps, Theme } from './types';
