import type { Liveness, Readiness } from '@r2w/cv-schema/api';
import type { Router } from 'express';
import { createRouter } from '../../http/router';

export type ReadinessCheck = () => Promise<void>;

export interface HealthRouterDeps {
  /** Named checks; a string instead of a check says why this mode has nothing to check. */
  checks: Record<string, ReadinessCheck | string>;
  checkTimeoutMs: number;
  /** Once aborted, readiness answers 503 so load balancers stop sending new requests. */
  stopping?: AbortSignal;
}

function withTimeout(check: ReadinessCheck, ms: number): Promise<void> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 300);
}

export function healthRouter(deps: HealthRouterDeps): Router {
  const router = createRouter();

  router.get('/health/live', (_req, res) => {
    res.json({ status: 'alive' } satisfies Liveness);
  });

  router.get('/health/ready', async (_req, res) => {
    if (deps.stopping?.aborted) {
      res.status(503).json({ status: 'stopping', failing: ['shutdown'], error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'This process is shutting down.' } } satisfies Readiness);
      return;
    }
    const entries = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        if (typeof check === 'string') return [name, { status: 'ok', detail: check }] as const;
        try {
          await withTimeout(check, deps.checkTimeoutMs);
          return [name, { status: 'ok' }] as const;
        } catch (error) {
          return [name, { status: 'down', error: reason(error) }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const failing = entries.filter(([, result]) => result.status === 'down').map(([name]) => name);
    if (failing.length > 0) {
      res.status(503).json({ status: 'unavailable', failing, checks, error: { code: 'DEPENDENCY_UNAVAILABLE', message: `Not ready: ${failing.join(', ')} not answering.` } } satisfies Readiness);
      return;
    }
    res.json({ status: 'ready', checks } satisfies Readiness);
  });

  return router;
}
