import { buildJobPrefix, siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import type { ObjectStorage } from '@r2w/storage';
import type { Database } from '../db/database';
import { bestEffort } from '../lib/best-effort';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { IN_PROGRESS } from './build-jobs';
import { schedulePeriodically } from '../lib/schedule';

// Every build is a whole copy of a site. The ones no site shows (never published, or
// replaced by a newer one) are kept for BUILD_RETENTION_DAYS, long enough to preview and
// publish them, and then deleted, row and files. Several replicas may sweep at once: each
// deletion is conditional, and the replica whose delete removed the row removes the files.

const BATCH = 100;
const EVERY_MS = 6 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
// The two trees a build writes to, keyed <root><portfolioId>/<buildId>/.
const BUILD_TREES = ['sites/', 'builds/'] as const;

export interface BuildExpiryDeps {
  db: Database;
  storage: ObjectStorage;
  logger: Logger;
  metrics: Metrics;
}

export interface BuildExpiryOptions {
  retentionDays: number;
  /** The sweep's clock (tests pass a time instead of waiting for one). */
  now: Date;
}

export interface BuildExpiryOutcome {
  /** Build rows deleted, with their files. */
  builds: number;
  /** Build folders deleted that had no build row (a builder that wrote after its portfolio was deleted). */
  orphanFolders: number;
}

type BuildRow = NonNullable<Awaited<ReturnType<Database['build']['findUnique']>>>;

/** Deletes the expired builds no site shows, then the old build folders that have no row. */
export async function expireBuilds(deps: BuildExpiryDeps, options: BuildExpiryOptions): Promise<BuildExpiryOutcome> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS);
  const builds = await expireBuildRows(deps, cutoff);
  const orphanFolders = await expireOrphanFolders(deps, cutoff);
  if (builds > 0 || orphanFolders > 0) deps.logger.info('expired builds swept', { builds, orphanFolders, createdBefore: cutoff.toISOString() });
  return { builds, orphanFolders };
}

async function expireBuildRows(deps: BuildExpiryDeps, cutoff: Date): Promise<number> {
  const { db } = deps;
  let deleted = 0;
  let after = '';
  for (;;) {
    // Keyed by id, so the published builds this walk passes over are not found again.
    const page = await db.build.findMany({
      where: { id: { gt: after }, status: { notIn: IN_PROGRESS }, createdAt: { lt: cutoff } },
      include: { portfolio: { select: { publishedBuildId: true } } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const { portfolio, ...build } of page) {
      if (portfolio.publishedBuildId !== build.id && (await expireBuild(deps, build))) deleted++;
    }
    if (page.length < BATCH) break;
    after = page[page.length - 1]!.id;
  }
  return deleted;
}

/**
 * Deletes one build unless its portfolio shows it. A publish racing the sweep picked the
 * build before the delete and points at it after: each side looks again once its own
 * write is in (publish: "does my build still exist?"; here: "does a site point at it
 * now?"), and at least one of them sees the other, so the build comes back or the
 * publish is refused. Files go only once that second look has passed.
 */
async function expireBuild(deps: BuildExpiryDeps, build: BuildRow): Promise<boolean> {
  const { db, storage, logger, metrics } = deps;
  const { count } = await db.build.deleteMany({
    where: { id: build.id, status: { notIn: IN_PROGRESS }, portfolio: { OR: [{ publishedBuildId: null }, { publishedBuildId: { not: build.id } }] } },
  });
  // Published meanwhile, or another replica deleted it first (and deletes the files).
  if (count === 0) return false;
  if ((await db.portfolio.count({ where: { publishedBuildId: build.id } })) > 0) {
    await db.build.create({ data: build });
    logger.warn('expired build kept: it was published while being swept', { buildId: build.id, portfolioId: build.portfolioId });
    return false;
  }
  metrics.buildsExpired.inc({ kind: 'build' });
  logger.info('expired build deleted', { buildId: build.id, portfolioId: build.portfolioId, status: build.status, createdAt: build.createdAt.toISOString() });
  await bestEffort(
    [storage.deletePrefix(siteFilesPrefix(build.portfolioId, build.id)), storage.deletePrefix(buildJobPrefix(build.portfolioId, build.id))],
    logger,
    'expired build files not all deleted',
    { buildId: build.id },
  );
  return true;
}

/**
 * Build folders with no build row: a builder can write after its portfolio was deleted.
 * A folder goes only when its newest object is older than the retention, so a build
 * whose row and first files are being written right now is never touched.
 */
async function expireOrphanFolders(deps: BuildExpiryDeps, cutoff: Date): Promise<number> {
  const { db, storage, logger, metrics } = deps;
  let deleted = 0;
  for (const tree of BUILD_TREES) {
    const newest = new Map<string, { buildId: string; lastModified: number }>();
    for (const object of await storage.list(tree)) {
      const [portfolioId, buildId, ...file] = object.key.slice(tree.length).split('/');
      // Only <tree><portfolioId>/<buildId>/<file>; anything else is not a build's.
      if (!portfolioId || !buildId || file.length === 0) continue;
      const folder = `${tree}${portfolioId}/${buildId}/`;
      // An object with no time is treated as new: never delete what cannot be dated.
      const written = object.lastModified?.getTime() ?? Infinity;
      newest.set(folder, { buildId, lastModified: Math.max(written, newest.get(folder)?.lastModified ?? -Infinity) });
    }
    const old = [...newest].filter(([, f]) => f.lastModified < cutoff.getTime());
    for (let i = 0; i < old.length; i += BATCH) {
      const batch = old.slice(i, i + BATCH);
      const rows = await db.build.findMany({ where: { id: { in: batch.map(([, f]) => f.buildId) } }, select: { id: true } });
      const known = new Set(rows.map((r) => r.id));
      for (const [folder, { buildId }] of batch) {
        if (known.has(buildId)) continue;
        try {
          await storage.deletePrefix(folder);
        } catch (error) {
          logger.warn('orphan build folder not deleted; next sweep tries again', { folder, err: error instanceof Error ? error.message : String(error) });
          continue;
        }
        deleted++;
        metrics.buildsExpired.inc({ kind: 'orphan_files' });
        logger.info('orphan build folder deleted', { folder });
      }
    }
  }
  return deleted;
}

/** Sweeps soon after start and then every six hours until stopped. Every replica may run it (see above). */
export function scheduleBuildExpiry(deps: BuildExpiryDeps, retentionDays: number): { stop(): void } {
  return schedulePeriodically(() => expireBuilds(deps, { retentionDays, now: new Date() }), {
    firstAfterMs: 30_000,
    everyMs: EVERY_MS,
    onError: (error) => deps.logger.warn('build expiry sweep failed; next try in six hours', { err: error instanceof Error ? error.message : String(error) }),
  });
}
