import { NotFoundError } from '@r2w/cv-schema';
import { readObjectBytes, readObjectText, type ObjectStorage } from '@r2w/storage';
import { InvalidSiteUrlError, UnknownTemplateError } from '../render/errors';
import { renderSite, type RenderedSite } from '../render/render-site';
import type { TemplateId } from '../templates';
import { FONT_CACHE_CONTROL } from '../templates/shared/web-fonts';
import { readPackagedFile } from './packaged-files';
import { BuildInputSchema, BuildResultSchema, buildJobKeys, buildJobPrefix, SITE_IMAGES, siteFilesPrefix, type BuildInput, type BuildResult } from './build-job';

export interface TaskLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface BuildTaskDeps {
  storage: ObjectStorage;
  logger: TaskLogger;
}

type Failure = Extract<BuildResult, { status: 'failed' }>;

class BuildFailure extends Error {
  constructor(
    readonly code: Failure['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BuildFailure';
  }
}

const JSON_TYPE = 'application/json';
const FILES_PER_BATCH = 8;

async function readInput(storage: ObjectStorage, key: string): Promise<BuildInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readObjectText(storage, key));
  } catch (error) {
    if (error instanceof SyntaxError) throw new BuildFailure('BAD_INPUT', 'The build input is not JSON.');
    if (error instanceof NotFoundError) throw new BuildFailure('BAD_INPUT', 'The build has no input.');
    throw error;
  }
  const parsed = BuildInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.every((issue) => issue.path[0] === 'cv')) throw new BuildFailure('CV_NOT_READY', 'The CV is not ready to build from; finish its extraction or edit it first.');
  throw new BuildFailure('BAD_INPUT', `The build input is not valid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`);
}

type SiteWrite = { path: string; contentType: string; cacheControl?: string; body: Buffer };

/** The images the API made for the build, as site files; a missing one fails the build, as a missing input would. */
async function readImages(storage: ObjectStorage, jobPrefix: string, images: BuildInput['images']): Promise<SiteWrite[]> {
  const keys = buildJobKeys(jobPrefix);
  const wanted = [
    ...(images?.photo ? [{ key: keys.photo, path: SITE_IMAGES.photo, contentType: 'image/jpeg' }] : []),
    ...(images?.openGraphImage ? [{ key: keys.openGraphImage, path: SITE_IMAGES.openGraphImage, contentType: 'image/png' }] : []),
  ];
  return Promise.all(
    wanted.map(async ({ key, path, contentType }) => {
      try {
        return { path, contentType, body: await readObjectBytes(storage, key) };
      } catch (error) {
        if (error instanceof NotFoundError) throw new BuildFailure('BAD_INPUT', `The build has no ${path}, which its input names.`);
        throw error;
      }
    }),
  );
}

/** The site, or a BuildFailure: whatever goes wrong while rendering is the build's failure, not storage's. */
function render(input: BuildInput, logger: TaskLogger): RenderedSite {
  try {
    // renderSite checks the template itself (UnknownTemplateError below).
    const images = { photo: input.images?.photo ? SITE_IMAGES.photo : null, openGraphImage: input.images?.openGraphImage ? SITE_IMAGES.openGraphImage : null };
    return renderSite(input.cv, { templateId: input.templateId as TemplateId, settings: input.settings, cvLanguage: input.cvLanguage, images });
  } catch (error) {
    if (error instanceof UnknownTemplateError) throw new BuildFailure('UNKNOWN_TEMPLATE', `There is no template "${error.templateId}".`);
    if (error instanceof InvalidSiteUrlError) throw new BuildFailure('BAD_INPUT', `The site address "${error.siteUrl}" is not an absolute http(s) address.`);
    logger.error('rendering failed', { err: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    throw new BuildFailure('BUILD_FAILED', 'The site could not be built. Please try again, or choose another template.');
  }
}

/**
 * Every file of the site as bytes: the rendered ones, and the packaged ones (fonts, whose
 * versioned names let them be cached for good). A packaged file that cannot be read is a
 * broken builder install, the build's failure rather than storage's.
 */
async function siteWrites(site: RenderedSite, logger: TaskLogger): Promise<SiteWrite[]> {
  const rendered = site.files.map((file) => ({ path: file.path, contentType: file.contentType, body: Buffer.from(file.body, 'utf8') }));
  try {
    const packaged = await Promise.all(site.packaged.map(async (file) => ({ path: file.path, contentType: file.contentType, cacheControl: FONT_CACHE_CONTROL, body: await readPackagedFile(file) })));
    return [...rendered, ...packaged];
  } catch (error) {
    logger.error('a packaged file of the site could not be read', { err: error instanceof Error ? error.message : String(error) });
    throw new BuildFailure('BUILD_FAILED', 'The site could not be built. Please try again, or choose another template.');
  }
}

/**
 * One build, start to finish: read the job's input, render the site, write every file
 * under the build's own site prefix, and only then write the result. A job that already
 * has a result is left alone (a repeated task start is harmless). Throws only when storage
 * itself fails, so that the task exits non-zero and its runner reports why.
 */
export async function runBuildTask(jobPrefix: string, { storage, logger }: BuildTaskDeps): Promise<BuildResult> {
  const keys = buildJobKeys(jobPrefix);
  if (await storage.head(keys.result)) {
    logger.info('build already finished', { jobPrefix });
    return BuildResultSchema.parse(JSON.parse(await readObjectText(storage, keys.result)));
  }
  const startedAt = new Date().toISOString();
  const report = (progress: number, message: string) => storage.put(keys.progress, JSON.stringify({ progress, message, at: new Date().toISOString() }), { contentType: JSON_TYPE });

  await report(5, 'Starting the builder');
  let sitePrefix: string | null = null;
  let result: BuildResult;
  try {
    const input = await readInput(storage, keys.input);
    // The job's prefix names the portfolio and build it may write for; an input naming others is refused.
    if (buildJobPrefix(input.portfolioId, input.buildId) !== jobPrefix) throw new BuildFailure('BAD_INPUT', 'The build input names another build than its job.');
    await report(20, 'Rendering your pages');
    const rendering = Date.now();
    const rendered = render(input, logger);
    const renderMs = Date.now() - rendering;
    const writes = [...(await siteWrites(rendered, logger)), ...(await readImages(storage, jobPrefix, input.images))];

    sitePrefix = siteFilesPrefix(input.portfolioId, input.buildId);
    let written = 0;
    let bytes = 0;
    // Each write waits on a round trip to S3 (or a flush to disk locally), so a batch is
    // written at once; progress is reported between batches so that it only ever rises.
    for (let start = 0; start < writes.length; start += FILES_PER_BATCH) {
      const batch = writes.slice(start, start + FILES_PER_BATCH);
      // Settled, not raced: the clean-up below must not run while a write is still landing.
      const outcomes = await Promise.allSettled(batch.map(({ path, contentType, cacheControl, body }) => storage.put(`${sitePrefix}${path}`, body, { contentType, cacheControl })));
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      written += batch.length;
      bytes += batch.reduce((sum, { body }) => sum + body.length, 0);
      await report(20 + Math.round((70 * written) / writes.length), `Saving your site (${written} of ${writes.length} files)`);
    }
    result = { status: 'succeeded', fileCount: written, totalBytes: bytes, startedAt, finishedAt: new Date().toISOString() };
    logger.info('build succeeded', { files: written, bytes, renderMs });
  } catch (error) {
    // Nothing half-written stays behind; the published site (another prefix) is untouched.
    if (sitePrefix) await storage.deletePrefix(sitePrefix).catch(() => undefined);
    // Anything else is storage failing: no result can be written, the task exits non-zero.
    if (!(error instanceof BuildFailure)) throw error;
    const failure = error;
    result = { status: 'failed', code: failure.code, message: failure.message, startedAt, finishedAt: new Date().toISOString() };
    logger.error('build failed', { code: failure.code, err: failure.message });
  }
  // Last: the result says the files are all in place.
  await storage.put(keys.result, JSON.stringify(result), { contentType: JSON_TYPE });
  return result;
}
