import type { ObjectStorage } from '@r2w/storage';
import type { TaskRunner } from '../adapters/task-runner/task-runner';
import type { Database } from '../db/database';
import { bestEffort } from '../lib/best-effort';
import { applyPointerChanges, type PointerChange, type PointerChangeDeps } from './site-pointer-changes';
import { removeSites } from './site-files';

// Whatever deletes portfolios (deleting one, its CV, or the whole account) takes their
// sites down the same way: the public addresses before the rows, so that a pointer store
// that fails leaves everything whole and the deletion can be asked for again (and rows
// that fail to go get their addresses back); the files after the rows, as a file without
// a row is invisible.

export interface TakeDownDeps extends PointerChangeDeps {
  db: Database;
  storage: ObjectStorage;
  taskRunner: TaskRunner;
}

type PortfolioSites = { id: string; slug: string | null; publishedBuildId: string | null };

/**
 * Takes the portfolios' sites down around `deleteRows`, which deletes their rows (directly
 * or by cascade). When the pointer store fails, nothing is deleted and the error is thrown.
 */
export async function deleteWithSites(deps: TakeDownDeps, portfolios: PortfolioSites[], deleteRows: () => Promise<unknown>): Promise<void> {
  const addresses = portfolios.flatMap(({ id, slug, publishedBuildId }): PointerChange[] =>
    slug && publishedBuildId ? [{ action: 'remove', slug, previous: { portfolioId: id, buildId: publishedBuildId } }] : [],
  );
  await applyPointerChanges(deps, addresses);
  // Read before the rows go (their builds go with them): builders still at work would
  // write a site nobody can see or delete.
  const builders = await deps.db.build.findMany({
    where: { portfolioId: { in: portfolios.map((p) => p.id) }, status: { in: ['queued', 'running'] }, taskId: { not: null } },
    select: { taskId: true },
  });
  try {
    await deleteRows();
  } catch (error) {
    // The rows stay: so must their addresses, or a site the database calls published is offline.
    const restore = addresses.flatMap((change): PointerChange[] => (change.previous ? [{ action: 'set', slug: change.slug, target: change.previous, previous: null }] : []));
    await applyPointerChanges(deps, restore).catch((restoring: unknown) => {
      deps.logger.error('site addresses not restored after a failed deletion', { slugs: restore.map((c) => c.slug), err: restoring instanceof Error ? restoring.message : String(restoring) });
    });
    throw error;
  }
  await bestEffort(
    builders.map(({ taskId }) => deps.taskRunner.stop(taskId!, 'its site was deleted')),
    deps.logger,
    'builders of deleted sites not all stopped',
    { builders: builders.length },
  );
  await removeSites(
    deps.storage,
    portfolios.map((p) => p.id),
    deps.logger,
  );
}
