import type { ObjectStorage } from '@r2w/storage';
import { portfolioBuildJobsPrefix, portfolioSitesPrefix } from '@r2w/portfolio-task/build-job';
import { bestEffort } from '../lib/best-effort';
import type { Logger } from '../observability/logger';

/** Deletes the site files and build jobs of these portfolios; failures are logged, as the rows are already gone. */
export async function removeSites(storage: ObjectStorage, portfolioIds: string[], logger: Logger): Promise<void> {
  const prefixes = portfolioIds.flatMap((id) => [portfolioSitesPrefix(id), portfolioBuildJobsPrefix(id)]);
  await bestEffort(
    prefixes.map((prefix) => storage.deletePrefix(prefix)),
    logger,
    'site files not all deleted',
    { portfolios: portfolioIds.length },
  );
}
