import type { RequestHandler } from 'express';
import type { Tracing } from '../../observability/tracing';

/**
 * An X-Ray segment per request, with its request id (so it goes after requestContext); null
 * when tracing is off, so the app adds no step at all to the request path.
 */
export function traceRequests(tracing: Tracing): RequestHandler | null {
  const trace = tracing.requestTracer();
  if (!trace) return null;
  return (req, res, next) => trace(req, res, String(res.locals.requestId), () => next());
}
