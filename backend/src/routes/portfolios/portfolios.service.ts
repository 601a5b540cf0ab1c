import { randomUUID } from 'node:crypto';
import { cvLanguage } from '@r2w/portfolio-task/cv-language';
import type { SitePointers, SiteTarget } from '../../adapters/site-pointers/site-pointers';
import type { ObjectStorage } from '@r2w/storage';
import type { TaskRunner } from '../../adapters/task-runner/task-runner';
import { deleteWithSites } from '../../sites/take-down-sites';
import { IN_PROGRESS, isInProgress, settleBuild, startBuildJob, type BuildRow, type BuildWatcher } from '../../builds/build-jobs';
import type { Database } from '../../db/database';
import { Prisma } from '../../db/database';
import { AppError, NotFoundError, type Cv } from '@r2w/cv-schema';
import type { UrlSigner } from '../../lib/signed-url';
import type { Logger } from '../../observability/logger';
import type { Tracing } from '../../observability/tracing';
import type { Metrics } from '../../observability/metrics';
import { publishRefusal } from './publish-policy';
import { pointersFollowRow, unpublishSite, type PointerChange } from '../../sites/site-pointer-changes';
import { suggestSlug } from './slug';
import { readStoredCv } from '../cvs/stored-cv';
import type { Build, BuildStatus, CreatePortfolioBody, Portfolio, PublishResponse, SiteSettings, TemplateId, UnpublishResponse, UpdatePortfolioBody } from '@r2w/cv-schema/api';

const PREVIEW_TTL_SECONDS = 15 * 60;
const BUILDS_LISTED = 20;

export interface PortfolioServiceDeps {
  db: Database;
  storage: ObjectStorage;
  taskRunner: TaskRunner;
  buildWatcher: BuildWatcher;
  sitePointers: SitePointers;
  signer: UrlSigner;
  metrics: Metrics;
  logger: Logger;
  tracing: Tracing;
  /** Public address of published sites, e.g. http://localhost:2000/sites or https://sites.example.com */
  sitesBaseUrl: string;
  /** Builds one user may have queued or running at once. */
  maxActiveBuildsPerUser: number;
  /** A build still unfinished after this long is stopped and failed. */
  maxBuildSeconds: number;
  /** True when payments are on: publishing then needs the paid plan. */
  publishNeedsPlan: boolean;
}

type PortfolioRow = NonNullable<Awaited<ReturnType<Database['portfolio']['findUnique']>>>;

/** The build a published portfolio shows, or null when it shows none. */
function shownBuild(p: PortfolioRow): SiteTarget | null {
  return p.publishedBuildId && p.slug ? { portfolioId: p.id, buildId: p.publishedBuildId } : null;
}

export class PortfolioService {
  constructor(private readonly deps: PortfolioServiceDeps) {}

  /** The one ownership check of every portfolio route: someone else's portfolio does not exist. */
  private async owned(id: string, userId: string) {
    const portfolio = await this.deps.db.portfolio.findUnique({ where: { id } });
    if (!portfolio || portfolio.userId !== userId) throw new NotFoundError('This portfolio');
    return portfolio;
  }

  private publicUrl(slug: string): string {
    return `${this.deps.sitesBaseUrl.replace(/\/+$/, '')}/${slug}/`;
  }

  private toApi(p: Awaited<ReturnType<PortfolioService['owned']>>) {
    return {
      id: p.id,
      cvId: p.cvId,
      templateId: p.templateId as TemplateId,
      slug: p.slug,
      settings: (p.settings ?? {}) as SiteSettings,
      published: p.publishedBuildId !== null,
      publishedBuildId: p.publishedBuildId,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      url: p.publishedBuildId && p.slug ? this.publicUrl(p.slug) : null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    } satisfies Portfolio;
  }

  async create(userId: string, { cvId, templateId }: CreatePortfolioBody) {
    const cv = await this.deps.db.cv.findUnique({ where: { id: cvId } });
    if (!cv || cv.userId !== userId) throw new NotFoundError('This CV');
    if (cv.status === 'failed') throw cvNotUsable(cv);
    const portfolio = await this.deps.db.portfolio.create({ data: { id: randomUUID(), userId, cvId, templateId } });
    this.deps.logger.info('portfolio created', { portfolioId: portfolio.id, templateId });
    return this.toApi(portfolio);
  }

  async list(userId: string) {
    const rows = await this.deps.db.portfolio.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 200 });
    return rows.map((row) => this.toApi(row));
  }

  async get(id: string, userId: string) {
    return this.toApi(await this.owned(id, userId));
  }

  async update(id: string, userId: string, changes: UpdatePortfolioBody) {
    const before = await this.owned(id, userId);
    const shown = shownBuild(before);
    const movesSite = shown !== null && changes.slug !== undefined && changes.slug !== before.slug;
    try {
      // A published site's address moves on its own first, so that a failed pointer change
      // has only the slug to put back.
      if (movesSite) {
        await this.deps.db.portfolio.update({ where: { id }, data: { slug: changes.slug } });
        const moves: PointerChange[] = [];
        if (changes.slug) moves.push({ action: 'set', slug: changes.slug, target: shown, previous: null });
        moves.push({ action: 'remove', slug: before.slug!, previous: shown });
        await this.pointersFollow(id, { slug: before.slug }, moves);
      }
      const updated = await this.deps.db.portfolio.update({
        where: { id },
        data: { templateId: changes.templateId, slug: movesSite ? undefined : changes.slug, settings: changes.settings },
      });
      return this.toApi(updated);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw slugTaken();
      throw error;
    }
  }

  async delete(id: string, userId: string) {
    const portfolio = await this.owned(id, userId);
    await deleteWithSites(this.deps, [portfolio], () => this.deps.db.portfolio.delete({ where: { id } }));
  }

  async startBuild(id: string, userId: string, requestId: string) {
    const { db, logger, metrics } = this.deps;
    const portfolio = await this.owned(id, userId);
    const cv = await db.cv.findUniqueOrThrow({ where: { id: portfolio.cvId } });
    const data = readStoredCv(cv.data);
    if (cv.status === 'failed') throw cvNotUsable(cv);
    if (cv.status !== 'ready' || data === null) throw new AppError('CV_NOT_READY', 'The CV is still being extracted; build once it is ready.');
    const build = await db.build.create({
      data: { id: randomUUID(), portfolioId: id, templateId: portfolio.templateId, status: 'queued', progressMessage: 'Waiting for a builder', requestId },
    });
    try {
      await this.withinBuildCap(userId, build.id);
    } catch (error) {
      // Over the cap, or the count itself failed: either way this build never starts.
      await db.build.deleteMany({ where: { id: build.id } });
      throw error;
    }
    try {
      await startBuildJob(
        this.deps,
        { buildId: build.id, portfolioId: id, templateId: portfolio.templateId, settings: this.siteSettings(portfolio, data), cv: data, cvLanguage: cvLanguage(data) },
        { photoKey: cv.photoKey },
        requestId,
      );
    } catch (error) {
      await db.build.update({
        where: { id: build.id },
        data: { status: 'failed', errorCode: 'BUILDER_UNAVAILABLE', errorMessage: 'No builder could be started. Please try again shortly.', finishedAt: new Date() },
      });
      metrics.builds.inc({ outcome: 'not_started' });
      metrics.outcomes.build('not_started', Date.now() - build.createdAt.getTime());
      throw error;
    }
    metrics.builds.inc({ outcome: 'started' });
    logger.info('build started', { portfolioId: id, buildId: build.id });
    this.deps.buildWatcher.watch(build.id);
    return this.buildToApi(await db.build.findUniqueOrThrow({ where: { id: build.id } }));
  }

  /**
   * The owner's choices, and the site's own address for its canonical link, social cards,
   * sitemap and 404 page. Before the first publish the address is the one publishing will
   * give it (the slug suggested from the CV's name): the first published build has its
   * social cards too.
   */
  private siteSettings(portfolio: PortfolioRow, cv: Cv) {
    const settings = (portfolio.settings ?? {}) as SiteSettings;
    const slug = portfolio.slug ?? suggestSlug(cv.hero.fullName);
    const siteUrl = settings.siteUrl ?? (slug ? `${this.deps.sitesBaseUrl.replace(/\/+$/, '')}/${slug}/` : undefined);
    return { ...settings, ...(siteUrl ? { siteUrl } : {}) };
  }

  /**
   * Keeps a user to maxActiveBuildsPerUser builds in progress. Counted after inserting the
   * new build, so requests racing each other cannot all slip under the cap: each sees the
   * others' rows, and a build over the cap is taken back (at worst both racers are).
   */
  private async withinBuildCap(userId: string, buildId: string): Promise<void> {
    const { db, metrics, logger, maxActiveBuildsPerUser } = this.deps;
    const inProgress = await db.build.findMany({ where: { status: { in: IN_PROGRESS }, portfolio: { userId } } });
    // A builder that died without saying so must not hold a place for ever.
    const stillActive = (await Promise.all(inProgress.map((b) => (b.id === buildId ? b : settleBuild(this.deps, b))))).filter(isInProgress);
    if (stillActive.length <= maxActiveBuildsPerUser) return;
    metrics.rateLimited.inc({ limit: 'active_builds' });
    logger.warn('quota reached', { limit: 'active_builds', active: stillActive.length - 1 });
    throw new AppError('RATE_LIMITED', `A build is already running (${maxActiveBuildsPerUser} at most at once). Wait for it to finish, then build again.`);
  }

  /** The newest builds first, so a client that reloads finds the one it was following. */
  async listBuilds(id: string, userId: string) {
    await this.owned(id, userId);
    const rows = await this.deps.db.build.findMany({ where: { portfolioId: id }, orderBy: { createdAt: 'desc' }, take: BUILDS_LISTED });
    return Promise.all(rows.map(async (row) => this.buildToApi(await settleBuild(this.deps, row))));
  }

  async getBuild(id: string, userId: string, buildId: string) {
    await this.owned(id, userId);
    const build = await this.deps.db.build.findUnique({ where: { id: buildId } });
    if (!build || build.portfolioId !== id) throw new NotFoundError('This build');
    return this.buildToApi(await settleBuild(this.deps, build));
  }

  private async buildToApi(build: BuildRow) {
    const previewUrl = build.status === 'succeeded' ? this.previewUrl(build) : undefined;
    return {
      id: build.id,
      status: build.status as BuildStatus,
      progress: build.progress,
      progressMessage: build.progressMessage,
      templateId: build.templateId as TemplateId,
      ...(previewUrl ? { previewUrl } : {}),
      ...(build.status === 'failed' ? { error: { code: build.errorCode ?? 'BUILD_FAILED', message: build.errorMessage ?? 'The build failed.' } } : {}),
      createdAt: build.createdAt.toISOString(),
      startedAt: build.startedAt?.toISOString() ?? null,
      finishedAt: build.finishedAt?.toISOString() ?? null,
    } satisfies Build;
  }

  // Served by the API from storage, whatever it is (CloudFront sends /previews/* to the API):
  // a presigned S3 link would reach index.html alone, not the fonts and images beside it.
  private previewUrl(build: BuildRow): string {
    const folder = `/previews/${build.id}/`;
    return `${folder}${this.deps.signer.token(folder, PREVIEW_TTL_SECONDS)}/`;
  }

  async publish(id: string, userId: string) {
    const { db, logger, metrics } = this.deps;
    const portfolio = await this.owned(id, userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { plan: true } });
    const refusal = publishRefusal(user, this.deps.publishNeedsPlan);
    if (refusal) throw refusal;
    // A build that finished since anyone last looked counts.
    const inProgress = await db.build.findMany({ where: { portfolioId: id, status: { in: IN_PROGRESS } } });
    await Promise.all(inProgress.map((build) => settleBuild(this.deps, build)));
    const latest = await db.build.findFirst({ where: { portfolioId: id, status: 'succeeded' }, orderBy: { finishedAt: 'desc' } });
    if (!latest) throw new AppError('CONFLICT', 'Build the site first; there is no finished build to publish.');
    let slug = portfolio.slug;
    if (!slug) {
      const cv = await db.cv.findUniqueOrThrow({ where: { id: portfolio.cvId } });
      slug = suggestSlug((cv.data as { hero?: { fullName?: string | null } } | null)?.hero?.fullName);
      if (!slug) throw new AppError('VALIDATION_FAILED', 'Choose an address (slug) for the site first.');
    }
    try {
      // One update moves the pointer: visitors get the old build or the new one, never a mix.
      await db.portfolio.update({ where: { id }, data: { slug, publishedBuildId: latest.id, publishedAt: new Date() } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw slugTaken();
      throw error;
    }
    // The expiry sweep may have deleted this (old) build since it was read; it looks
    // again after its delete, this looks again after the update (builds/expire-builds.ts).
    if (!(await db.build.findUnique({ where: { id: latest.id }, select: { id: true } }))) {
      await db.portfolio.update({ where: { id }, data: { slug: portfolio.slug, publishedBuildId: portfolio.publishedBuildId, publishedAt: portfolio.publishedAt } });
      throw new AppError('CONFLICT', 'That build has just expired; build the site again, then publish.');
    }
    const target = { portfolioId: id, buildId: latest.id };
    const previous = portfolio.slug === slug ? shownBuild(portfolio) : null;
    await this.pointersFollow(id, { slug: portfolio.slug, publishedBuildId: portfolio.publishedBuildId, publishedAt: portfolio.publishedAt }, [{ action: 'set', slug, target, previous }]);
    // A refund handled meanwhile lists the user's sites after it changes the plan, and may
    // have listed them before this one was up: now that it is, this looks at the plan again.
    const lateRefusal = publishRefusal(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { plan: true } }), this.deps.publishNeedsPlan);
    if (lateRefusal) {
      await unpublishSite(this.deps, await this.owned(id, userId));
      throw lateRefusal;
    }
    metrics.builds.inc({ outcome: 'published' });
    logger.info('portfolio published', { portfolioId: id, buildId: latest.id, slug });
    return { url: this.publicUrl(slug), buildId: latest.id } satisfies PublishResponse;
  }

  async unpublish(id: string, userId: string) {
    await unpublishSite(this.deps, await this.owned(id, userId));
    this.deps.logger.info('portfolio unpublished', { portfolioId: id });
    return { published: false as const } satisfies UnpublishResponse;
  }

  /** The portfolio row has just changed: the site pointers follow it, or the row gets back `rowBefore`. */
  private pointersFollow(id: string, rowBefore: Partial<Pick<PortfolioRow, 'slug' | 'publishedBuildId' | 'publishedAt'>>, changes: PointerChange[]): Promise<void> {
    return pointersFollowRow(this.deps, id, rowBefore, changes);
  }
}

/** A CV whose extraction failed will never be ready: say why, and what to do instead of waiting. */
function cvNotUsable(cv: { errorMessage: string | null }): AppError {
  return new AppError(
    'CV_NOT_READY',
    `This CV could not be read${cv.errorMessage ? ` (${cv.errorMessage.replace(/[.\s]+$/, '')})` : ''}. Upload it again, or import it as JSON Resume, before making a website from it.`,
  );
}

function slugTaken(): AppError {
  return new AppError('SLUG_TAKEN', 'That address is already taken; choose another.');
}
