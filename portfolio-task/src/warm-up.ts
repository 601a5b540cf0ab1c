import { loadCountryNames } from '@r2w/cv-schema';
import { renderSite } from './render/render-site';
import { SAMPLE_CV } from './sample-cv';
import { BuildInputSchema } from './task/build-job';
import { TEMPLATES } from './templates';
import { loadMonthYearWordings } from './templates/shared/month-year';

/**
 * Runs what every build runs (its input's schema, and each template's renderer) once, so
 * that the start-up snapshot holds them compiled and their schemas built. No I/O: a
 * snapshot cannot keep open handles. Nor can it keep an Intl object, so what a build reads
 * from Intl (country names, a month and year's wording) is read into plain data first;
 * month-year.ts's cache of formatters, for languages the sites are not translated into,
 * must be empty when the snapshot is written (`node --build-snapshot` aborts otherwise).
 */
export function warmUp(): void {
  loadCountryNames();
  loadMonthYearWordings();
  for (const template of TEMPLATES) {
    const input = BuildInputSchema.parse({
      buildId: '00000000-0000-4000-8000-000000000001',
      portfolioId: '00000000-0000-4000-8000-000000000002',
      templateId: template.id,
      settings: { siteUrl: 'https://example.com/' },
      cv: SAMPLE_CV,
    });
    renderSite(input.cv, { templateId: template.id, settings: input.settings });
  }
}
