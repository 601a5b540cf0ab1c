import { CvSchema } from '@r2w/cv-schema';
import { SiteSettingsSchema } from '@r2w/cv-schema/api';
import { z } from 'zod';

// A build is a pure job: the API writes everything it needs under the job's prefix in
// object storage, the builder task reads that, writes the site under the site's prefix,
// and writes its result last. Neither side reaches into the other's database or code:
// these keys and shapes are the whole interface between them. Free of Node built-ins, like
// the renderer, so the backend and the SPA may import it.

/** Where a build's site files go. A build writes only here, so a failed build never touches what is published. */
export function siteFilesPrefix(portfolioId: string, buildId: string): string {
  return `sites/${portfolioId}/${buildId}/`;
}

/** Every build's site files of one portfolio. */
export function portfolioSitesPrefix(portfolioId: string): string {
  return `sites/${portfolioId}/`;
}

/** The job's own objects (input, progress, result): private, never served. */
export function buildJobPrefix(portfolioId: string, buildId: string): string {
  return `builds/${portfolioId}/${buildId}/`;
}

export function portfolioBuildJobsPrefix(portfolioId: string): string {
  return `builds/${portfolioId}/`;
}

export const buildJobKeys = (jobPrefix: string) => ({
  input: `${jobPrefix}input.json`,
  progress: `${jobPrefix}progress.json`,
  result: `${jobPrefix}result.json`,
  /** The profile photo (JPEG), when the input says there is one. */
  photo: `${jobPrefix}photo.jpg`,
  /** The share image (PNG, 1200×630), when the input says there is one. */
  openGraphImage: `${jobPrefix}og-image.png`,
});

/**
 * Where the images a build is given land in the site. The API makes them (it carries the
 * image library; the builder stays a light, fast-starting task) and writes them beside the
 * input; the builder copies them into the site as they are.
 */
export const SITE_IMAGES = { photo: 'photo.jpg', openGraphImage: 'og-image.png' } as const;

const id = z.uuid();

export const BuildInputSchema = z.object({
  buildId: id,
  portfolioId: id,
  templateId: z.string().min(1).max(50),
  /** The owner's choices and the site's own address. */
  settings: SiteSettingsSchema,
  cv: CvSchema,
  /** The language the CV is written in, as the API read it; the site's when settings name none. */
  cvLanguage: z.string().max(35).nullable().optional(),
  /** Which images the API wrote beside the input (buildJobKeys); absent, none. */
  images: z.object({ photo: z.boolean(), openGraphImage: z.boolean() }).optional(),
});
export type BuildInput = z.infer<typeof BuildInputSchema>;

export const BuildProgressSchema = z.object({
  progress: z.number().int().min(0).max(100),
  message: z.string().max(200),
  at: z.iso.datetime(),
});
export type BuildProgress = z.infer<typeof BuildProgressSchema>;

export const BUILD_FAILURE_CODES = ['BAD_INPUT', 'CV_NOT_READY', 'UNKNOWN_TEMPLATE', 'BUILD_FAILED'] as const;

export const BuildResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('succeeded'), fileCount: z.number().int().min(0), totalBytes: z.number().int().min(0), startedAt: z.iso.datetime(), finishedAt: z.iso.datetime() }),
  z.object({ status: z.literal('failed'), code: z.enum(BUILD_FAILURE_CODES), message: z.string().max(500), startedAt: z.iso.datetime(), finishedAt: z.iso.datetime() }),
]);
export type BuildResult = z.infer<typeof BuildResultSchema>;
