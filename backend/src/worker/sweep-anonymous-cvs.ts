import type { ObjectStorage } from '@r2w/storage';
import type { Database } from '../db/database';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { schedulePeriodically } from '../lib/schedule';

// Anonymous uploads are kept only long enough for their uploader to sign up and claim
// them: a CV is personal data, and nobody can ask for an unclaimed one to be deleted.

const BATCH = 100;
const EVERY_MS = 60 * 60 * 1000;

export interface SweepDeps {
  db: Database;
  storage: ObjectStorage;
  logger: Logger;
  metrics: Metrics;
}

/** Deletes unclaimed CVs created before `cutoff`, rows then files; returns how many went. */
export async function sweepAnonymousCvs(deps: SweepDeps, cutoff: Date): Promise<number> {
  const { db, storage, logger, metrics } = deps;
  let deleted = 0;
  for (;;) {
    const stale = await db.cv.findMany({ where: { userId: null, createdAt: { lt: cutoff } }, select: { id: true, fileKey: true, photoKey: true }, take: BATCH, orderBy: { createdAt: 'asc' } });
    for (const cv of stale) {
      // Conditional on still being unclaimed: a sign-up that claims it this very moment wins.
      const { count } = await db.cv.deleteMany({ where: { id: cv.id, userId: null } });
      if (count === 0) continue;
      deleted++;
      metrics.anonymousCvsDeleted.inc();
      for (const key of [cv.fileKey, cv.photoKey]) {
        if (key) await storage.delete(key).catch((error: unknown) => logger.warn('anonymous cv file not deleted', { cvId: cv.id, key, err: String(error) }));
      }
    }
    if (stale.length < BATCH) break;
  }
  if (deleted > 0) logger.info('unclaimed anonymous cvs deleted', { count: deleted, createdBefore: cutoff.toISOString() });
  return deleted;
}

/** Sweeps now and then every hour until stopped. Every replica may run it: deletes are conditional. */
export function scheduleAnonymousCvSweep(deps: SweepDeps, retentionHours: number): { stop(): void } {
  return schedulePeriodically(() => sweepAnonymousCvs(deps, new Date(Date.now() - retentionHours * 3600 * 1000)), {
    firstAfterMs: 10_000,
    everyMs: EVERY_MS,
    onError: (error) => deps.logger.warn('anonymous cv sweep failed; next try in an hour', { err: error instanceof Error ? error.message : String(error) }),
  });
}
