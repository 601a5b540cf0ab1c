import type { SitePointers, SiteTarget } from '../adapters/site-pointers/site-pointers';
import type { Database } from '../db/database';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';

// Publishing, unpublishing, moving and deleting change the database first; the site
// pointers (what CloudFront reads in AWS) must then follow or the whole change is undone,
// so that the two never disagree without the request failing.

/** One change to what a slug shows, with what it showed before so that it can be undone. */
export type PointerChange = { action: 'set'; slug: string; target: SiteTarget; previous: SiteTarget | null } | { action: 'remove'; slug: string; previous: SiteTarget | null };

export interface PointerChangeDeps {
  sitePointers: SitePointers;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Applies the changes in order. When one fails, every change tried is undone in reverse
 * order, the failed one included (its write may have landed before the answer was lost),
 * and the error is rethrown for the caller to put its rows back.
 */
export async function applyPointerChanges(deps: PointerChangeDeps, changes: PointerChange[]): Promise<void> {
  const tried: PointerChange[] = [];
  for (const change of changes) {
    tried.push(change);
    try {
      await apply(deps, change, false);
    } catch (error) {
      for (const done of tried.reverse()) {
        // Best effort: a failed undo is logged and counted by apply, and the original error is what the caller needs.
        await apply(deps, undoOf(done), true).catch(() => undefined);
      }
      throw error;
    }
  }
}

function undoOf(change: PointerChange): PointerChange {
  const { slug, previous } = change;
  return previous ? { action: 'set', slug, target: previous, previous: null } : { action: 'remove', slug, previous: null };
}

async function apply({ sitePointers, logger, metrics }: PointerChangeDeps, change: PointerChange, undo: boolean): Promise<void> {
  const fields = { action: change.action, slug: change.slug, ...(change.action === 'set' ? change.target : {}), store: sitePointers.kind, ...(undo ? { undo } : {}) };
  try {
    if (change.action === 'set') await sitePointers.set(change.slug, change.target);
    else await sitePointers.remove(change.slug);
  } catch (error) {
    metrics.sitePointerChanges.inc({ action: change.action, outcome: 'failed' });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    logger.warn('site pointer change failed', { ...fields, err: error instanceof Error ? error.message : String(error), cause });
    throw error;
  }
  metrics.sitePointerChanges.inc({ action: change.action, outcome: 'ok' });
  logger.info('site pointer changed', fields);
}

type PortfolioPointerFields = { slug: string | null; publishedBuildId: string | null; publishedAt: Date | null };

/**
 * The portfolio row has just changed: the site pointers follow it, or the row gets back
 * the fields in `rowBefore` and the pointer store's error is thrown.
 */
export async function pointersFollowRow(deps: PointerChangeDeps & { db: Database }, id: string, rowBefore: Partial<PortfolioPointerFields>, changes: PointerChange[]): Promise<void> {
  try {
    await applyPointerChanges(deps, changes);
  } catch (error) {
    await deps.db.portfolio.update({ where: { id }, data: rowBefore }).catch((rollback: unknown) => {
      deps.logger.error('portfolio row not restored after a failed site pointer change', { portfolioId: id, rowBefore, err: rollback instanceof Error ? rollback.message : String(rollback) });
    });
    throw error;
  }
}

/** Takes one portfolio's site offline: the row first, then its address (or the row is put back). */
export async function unpublishSite(deps: PointerChangeDeps & { db: Database }, portfolio: { id: string } & PortfolioPointerFields): Promise<void> {
  const { id, slug, publishedBuildId, publishedAt } = portfolio;
  await deps.db.portfolio.update({ where: { id }, data: { publishedBuildId: null, publishedAt: null } });
  if (slug && publishedBuildId) {
    await pointersFollowRow(deps, id, { publishedBuildId, publishedAt }, [{ action: 'remove', slug, previous: { portfolioId: id, buildId: publishedBuildId } }]);
  }
}
