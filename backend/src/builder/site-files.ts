import type { ObjectStorage } from '../adapters/storage/object-storage';
import type { Logger } from '../observability/logger';

// Where a build's files live in object storage. A build writes only under its own
// prefix, so a failed or half-written build never touches what is published.
export function buildPrefix(portfolioId: string, buildId: string): string {
  return `sites/${portfolioId}/${buildId}/`;
}

export function portfolioPrefix(portfolioId: string): string {
  return `sites/${portfolioId}/`;
}

/** Deletes the files of these portfolios' sites; failures are logged, as the rows are already gone. */
export async function removeSites(storage: ObjectStorage, portfolioIds: string[], logger: Logger): Promise<void> {
  const results = await Promise.allSettled(portfolioIds.map((id) => storage.deletePrefix(portfolioPrefix(id))));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) logger.warn('site files not all deleted', { portfolios: portfolioIds.length, failed });
}
