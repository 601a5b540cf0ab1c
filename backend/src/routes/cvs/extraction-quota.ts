import type { Database } from '../../db/database';
import { AppError } from '@r2w/cv-schema';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

/** Whose extractions an upload would wait behind: a signed-in user, or an anonymous client by its hashed network. */
export type UploadOwner = { userId: string; uploaderHash?: undefined } | { userId?: undefined; uploaderHash: string };

const PENDING = ['queued', 'extracting'];

export interface ExtractionQuotaDeps {
  db: Database;
  /** CVs one owner may have waiting for or in extraction at once. */
  maxPending: number;
  metrics: Metrics;
  logger: Logger;
}

/**
 * Caps the CVs one owner has waiting for extraction, so one client's pile of uploads
 * cannot starve everyone else's jobs. Counted from the rows, which are always right
 * however extractions end (finished, failed, retried, deleted).
 */
export class ExtractionQuota {
  constructor(private readonly deps: ExtractionQuotaDeps) {}

  /** Refuses (429 RATE_LIMITED) an upload while its owner is at the cap. */
  async admit(owner: UploadOwner): Promise<void> {
    const { db, maxPending, metrics, logger } = this.deps;
    const whose = owner.userId ? { userId: owner.userId } : { userId: null, uploaderHash: owner.uploaderHash };
    const pending = await db.cv.count({ where: { ...whose, status: { in: PENDING } } });
    if (pending < maxPending) return;
    metrics.rateLimited.inc({ limit: 'pending_extractions' });
    logger.warn('quota reached', { limit: 'pending_extractions', pending, anonymous: !owner.userId });
    throw new AppError('RATE_LIMITED', `${pending} of your CVs are still waiting to be read (${maxPending} at most at once). Upload another once one of them is ready.`);
  }
}
