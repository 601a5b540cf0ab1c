import { Router } from 'express';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Mount path of the router that matched, kept for metric and log labels. */
    routeBase?: string;
    /** A label for requests no route pattern describes (the SPA's pages and files). */
    routeName?: string;
  }
}

// Express resets req.baseUrl once a request leaves a router, so by the time the
// response has finished (when metrics are recorded) the mount path is gone. Every
// router of the API is made here and records it on the way in.
export function createRouter(): Router {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.routeBase = req.baseUrl;
    next();
  });
  return router;
}
