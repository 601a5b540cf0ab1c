import { CvSchema } from '@r2w/cv-schema';
import { isTemplateId, renderSite } from '@r2w/portfolio-task';
import type { ObjectStorage } from '../adapters/storage/object-storage';
import type { Database } from '../db/database';
import type { Logger } from '../observability/logger';
import { buildPrefix } from './site-files';

export interface BuildDeps {
  db: Database;
  storage: ObjectStorage;
  logger: Logger;
  /** Public address of published sites; with the portfolio's slug it is the site's own address. */
  sitesBaseUrl: string;
}

export class BuildFailure extends Error {
  constructor(
    readonly code: 'BUILD_NOT_FOUND' | 'CV_NOT_READY' | 'UNKNOWN_TEMPLATE' | 'BUILD_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'BuildFailure';
  }
}

/**
 * One build, start to finish: load the build, its portfolio and CV; render the site;
 * write every file under the build's own prefix; only then mark the build succeeded.
 * A build already finished is left alone (a repeated task start is harmless).
 */
export async function runBuild(buildId: string, deps: BuildDeps): Promise<'succeeded' | 'already finished'> {
  const { db, storage, logger } = deps;
  const build = await db.build.findUnique({ where: { id: buildId }, include: { portfolio: { include: { cv: true } } } });
  if (!build) throw new BuildFailure('BUILD_NOT_FOUND', `There is no build ${buildId}.`);
  if (build.status === 'succeeded' || build.status === 'failed') return 'already finished';

  const progress = (value: number, message: string) => db.build.update({ where: { id: buildId }, data: { progress: value, progressMessage: message } });
  await db.build.update({ where: { id: buildId }, data: { status: 'running', progress: 5, progressMessage: 'Starting the builder', startedAt: new Date() } });
  const prefix = buildPrefix(build.portfolioId, build.id);
  try {
    const cv = CvSchema.safeParse(build.portfolio.cv.data);
    if (build.portfolio.cv.status !== 'ready' || !cv.success) throw new BuildFailure('CV_NOT_READY', 'The CV is not ready to build from; finish its extraction or edit it first.');
    if (!isTemplateId(build.templateId)) throw new BuildFailure('UNKNOWN_TEMPLATE', `There is no template "${build.templateId}".`);

    await progress(20, 'Rendering your pages');
    const started = Date.now();
    // The site's own address feeds its canonical link, social cards, sitemap and 404 page.
    const settings = (build.portfolio.settings ?? {}) as { siteUrl?: string };
    const siteUrl = settings.siteUrl ?? (build.portfolio.slug ? `${deps.sitesBaseUrl.replace(/\/+$/, '')}/${build.portfolio.slug}/` : undefined);
    const site = renderSite(cv.data, { templateId: build.templateId, settings: { ...settings, siteUrl } });
    const renderMs = Date.now() - started;

    let written = 0;
    let bytes = 0;
    for (const file of site.files) {
      const body = Buffer.from(file.body, 'utf8');
      await storage.put(`${prefix}${file.path}`, body, { contentType: file.contentType });
      written += 1;
      bytes += body.length;
      await progress(20 + Math.round((70 * written) / site.files.length), `Saving your site (${written} of ${site.files.length} files)`);
    }
    // The row says succeeded only once every file is in place.
    await db.build.update({
      where: { id: buildId },
      data: { status: 'succeeded', progress: 100, progressMessage: 'Your site is built', fileCount: written, totalBytes: bytes, finishedAt: new Date() },
    });
    logger.info('build succeeded', { buildId, files: written, bytes, renderMs });
    return 'succeeded';
  } catch (error) {
    const failure = error instanceof BuildFailure ? error : new BuildFailure('BUILD_FAILED', 'The site could not be built. Please try again.');
    await db.build.update({ where: { id: buildId }, data: { status: 'failed', progress: 100, progressMessage: failure.message, errorCode: failure.code, errorMessage: failure.message, finishedAt: new Date() } });
    // Nothing half-written stays behind; the published site (another prefix) is untouched.
    await storage.deletePrefix(prefix).catch(() => undefined);
    logger.error('build failed', { buildId, code: failure.code, err: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
