import { timingSafeEqual } from 'node:crypto';
import type { Router } from 'express';
import { createRouter } from '../../http/router';
import { AppError } from '@r2w/cv-schema';
import type { Metrics } from '../../observability/metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics in Prometheus's text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsRouter(deps: { metrics: Metrics; token: string | null }): Router {
  const router = createRouter();
  router.get('/metrics', async (req, res) => {
    if (deps.token !== null) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      if (!given || !sameSecret(given, deps.token)) throw new AppError('UNAUTHENTICATED', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
