import type { Logger } from '../observability/logger';

/**
 * Runs every piece of clean-up to its end, whatever the others do. Failures are logged
 * with how many there were, not thrown: the caller's real change is already done and has
 * nothing to undo.
 */
export async function bestEffort(work: Promise<unknown>[], logger: Logger, message: string, meta: Record<string, unknown>): Promise<void> {
  const failed = (await Promise.allSettled(work)).filter((r) => r.status === 'rejected').length;
  if (failed > 0) logger.warn(message, { ...meta, failed });
}
