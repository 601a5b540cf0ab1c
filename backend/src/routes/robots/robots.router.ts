import type { Router } from 'express';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';

// /robots.txt for the hosts the API answers. Crawlers read it only at a host's root, so the
// sites' own robots.txt files (inside each site's folder) never reach them: this is the one
// that counts. In AWS, CloudFront sends /robots.txt here too (ecs/src/cdn.ts).

// The SPA's pages that are a person's own (an editor, an account): nothing to index there,
// and each is behind sign-in anyway. The SPA's routes are in frontend/src/app/routes.tsx.
const PRIVATE_PAGES = ['/dashboard', '/cvs/', '/account', '/plan', '/sign-in/complete'];
// The API, signed preview links, and the operators' endpoints.
const NOT_PAGES = ['/api/', '/previews/', '/health/', '/metrics'];

/**
 * What a crawler may read on `host`. On the app's host: the landing and sign-in pages and the
 * published sites when they live under it, nothing private. On a host of the sites' own (a
 * SITES_BASE_URL on another host that still reaches this server): the sites only.
 */
export function robotsTxt(host: string, urls: { appBaseUrl: string; sitesBaseUrl: string }): string {
  const app = new URL(urls.appBaseUrl);
  const sites = new URL(urls.sitesBaseUrl);
  const sitesPath = `${sites.pathname.replace(/\/+$/, '')}/`;
  if (host === sites.host && host !== app.host) return ['User-agent: *', `Allow: ${sitesPath}`, ...(sitesPath === '/' ? [] : ['Disallow: /']), ''].join('\n');
  return ['User-agent: *', ...[...NOT_PAGES, ...PRIVATE_PAGES].map((path) => `Disallow: ${path}`), ...(sites.host === app.host ? [`Allow: ${sitesPath}`] : []), 'Allow: /', ''].join('\n');
}

export function robotsRouter(deps: { appBaseUrl: string; sitesBaseUrl: string; metrics: Metrics }): Router {
  const router = createRouter();
  router.get('/robots.txt', (req, res) => {
    deps.metrics.robotsRequests.inc();
    // A day: it changes only with the deployment's settings.
    res.set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(robotsTxt(req.get('host') ?? '', deps));
  });
  return router;
}
