import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { Metrics } from '../../observability/metrics';

// Text answers (JSON, HTML, the SPA's scripts and styles, sites) go out brotli- or
// gzip-compressed, as the client accepts. compression's own filter already skips types that
// are compressed by nature (images, WOFF2, PDF, ZIP) and answers marked no-transform.

/** Whether this response may be compressed: never an event stream, whose events must reach the client one by one. */
export function compressible(req: Request, res: Response): boolean {
  if (/^text\/event-stream\b/i.test(String(res.getHeader('Content-Type') ?? ''))) return false;
  return compression.filter(req, res);
}

export function compressResponses(metrics: Metrics): RequestHandler {
  // Brotli at quality 4 (the package's default): near gzip's speed with smaller output; the
  // maximum (11) costs tens of milliseconds per hundred kilobytes on every request.
  const compress = compression({ filter: compressible });
  return (req, res, next) => {
    res.once('finish', () => {
      const encoding = res.getHeader('Content-Encoding');
      if (encoding === 'br' || encoding === 'gzip' || encoding === 'deflate') metrics.compressedResponses.inc({ encoding });
    });
    compress(req, res, next);
  };
}
