import type { Cv } from '@r2w/cv-schema';
import { renderSite, type SiteSettings, type TemplateId } from '../../src';

export function siteFile(cv: Cv, templateId: TemplateId, path: string, settings?: SiteSettings, cvLanguage?: string | null): string {
  const file = renderSite(cv, { templateId, settings, cvLanguage }).files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`The site has no ${path}`);
  return file.body;
}

export function homePage(cv: Cv, templateId: TemplateId, settings?: SiteSettings, cvLanguage?: string | null): string {
  return siteFile(cv, templateId, 'index.html', settings, cvLanguage);
}
