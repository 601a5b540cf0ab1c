import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../observability/logger';
import { withLogContext } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

// A caller (the load balancer, another service) may pass its own id so one request can
// be followed across services; anything that is not a plain token is replaced.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The route pattern (e.g. /api/v1/cvs/:id), never the raw path, to keep metric labels bounded. */
function routeLabel(req: Parameters<RequestHandler>[0], locals: { routeBase?: string; routeName?: string }): string {
  if (locals.routeName) return locals.routeName;
  const routeBase = locals.routeBase;
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return `${routeBase ?? ''}${pattern}`;
  return 'unmatched';
}

export function requestContext(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();

    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { method: req.method, route: routeLabel(req, res.locals), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      withLogContext({ requestId }, () =>
        logger.http('request', { method: req.method, path: req.originalUrl.split('?')[0], route: labels.route, status: res.statusCode, durationMs: Math.round(seconds * 1000) }),
      );
    });
    withLogContext({ requestId }, next);
  };
}
