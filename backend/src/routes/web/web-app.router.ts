import path from 'node:path';
import express, { type Response, type Router } from 'express';
import { createRouter } from '../../http/router';

// The SPA's built files (frontend/dist), served by the API in local mode so that one
// process is the whole product. In AWS, CloudFront serves them from S3 instead.

// Paths that belong to the API, and missing assets: they must stay a 404, never the SPA page
// (a script request answered with HTML fails in a confusing way).
const NOT_PAGES = /^\/(api|sites|previews|health|metrics|assets)(\/|$)/;

export function webAppRouter(dir: string): Router {
  const router = createRouter();
  const index = path.join(dir, 'index.html');

  // File names under assets/ carry a content hash: cache them for good.
  // serve-static hands over the bare response type; it is Express's.
  const labelled = (res: unknown) => {
    (res as Response).locals.routeName = 'web:file';
  };
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, setHeaders: labelled }));
  router.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: labelled }));

  // Every other page address is a route of the SPA: the same document, always revalidated
  // so a new release is picked up at once. A middleware rather than a route, so requests
  // it passes on stay "unmatched" in the metrics.
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_PAGES.test(req.path) || !req.accepts('html')) return next();
    res.locals.routeName = 'web:page';
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => {
      if (error) next(error);
    });
  });
  return router;
}
