import { loadCountryNames } from '@r2w/cv-schema';
import { renderSite } from './render/render-site';
import { SAMPLE_CV } from './sample-cv';
import { BuildInputSchema } from './task/build-job';
import { TEMPLATES } from './templates';

/**
 * Runs what every build runs (its input's schema, and each template's renderer) once, so
 * that the start-up snapshot holds them compiled and their schemas built. No I/O: a
 * snapshot cannot keep open handles. Nor can it keep an Intl object: a cache of them
 * (dates.ts's month formatters) must be empty when the snapshot is written, which the
 * sample's dates, kept as written, see to; `node --build-snapshot` aborts otherwise.
 * Country names are read from Intl into plain maps here for the same reason.
 */
export function warmUp(): void {
  loadCountryNames();
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
