import type { Request, Response, Router } from 'express';
import type { ObjectStorage } from '@r2w/storage';
import { SITE_CSP } from '@r2w/portfolio-task';
import { siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import type { Database } from '../../db/database';
import { AppError } from '@r2w/cv-schema';
import type { UrlSigner } from '../../lib/signed-url';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import { useErrorPage } from '../../http/middleware/error-page';

// Published sites (/sites/<slug>/…) and build previews (/previews/<buildId>/…, behind a
// signed, expiring link). Locally the API serves both from storage; in AWS CloudFront
// serves published sites from S3 and previews are presigned S3 links.

/** The file asked for inside a site, or null for a path that is no file of it ("..", "." or empty segments). */
function filePath(req: Request): string | null {
  const rest = (req.params as { path?: string[] }).path;
  const segments = Array.isArray(rest) ? rest : [];
  if (segments.some((segment, i) => segment === '.' || segment === '..' || (segment === '' && i < segments.length - 1))) return null;
  const path = segments.join('/');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** `cache` unless the file was stored with its own Cache-Control (a site's fonts, under names that never change their bytes). */
async function sendFile(res: Response, storage: ObjectStorage, key: string, cache: string, status = 200): Promise<boolean> {
  const head = await storage.head(key);
  if (!head) return false;
  const { body } = await storage.get(key);
  res
    .status(status)
    .set({ 'Content-Type': head.contentType ?? 'application/octet-stream', 'Content-Length': String(head.size), 'Cache-Control': head.cacheControl ?? cache, 'Content-Security-Policy': SITE_CSP });
  body.on('error', () => res.destroy());
  body.pipe(res);
  return true;
}

export function sitesRouter(deps: { db: Database; storage: ObjectStorage; signer: UrlSigner; metrics: Metrics }): Router {
  const router = createRouter();
  const { db, storage, signer, metrics } = deps;

  // Relative links in a site resolve against its folder, so the folder needs its slash.
  // (Express routing is not strict: this route also sees the address with the slash.)
  router.get('/sites/:slug', (req, res, next) => {
    if (req.path.endsWith('/')) return next();
    res.redirect(301, `/sites/${encodeURIComponent(req.params.slug)}/`);
  });
  router.get(['/sites/:slug/', '/sites/:slug/*path'], async (req, res) => {
    useErrorPage(res);
    const slug = String(req.params.slug);
    const portfolio = /^[a-z0-9-]{1,50}$/.test(slug) ? await db.portfolio.findUnique({ where: { slug }, select: { id: true, publishedBuildId: true } }) : null;
    if (!portfolio?.publishedBuildId) {
      metrics.siteRequests.inc({ kind: 'site', status: '404' });
      throw new AppError('NOT_FOUND', 'There is no published site at this address.');
    }
    const prefix = siteFilesPrefix(portfolio.id, portfolio.publishedBuildId);
    const file = filePath(req);
    // Short caching: a publish or unpublish shows within a minute.
    if (file && (await sendFile(res, storage, `${prefix}${file}`, 'public, max-age=60'))) {
      metrics.siteRequests.inc({ kind: 'site', status: '200' });
      return;
    }
    metrics.siteRequests.inc({ kind: 'site', status: '404' });
    // The site's own "not found" page, in its own look.
    if (!(await sendFile(res, storage, `${prefix}404.html`, 'no-store', 404))) throw new AppError('NOT_FOUND', 'This page does not exist.');
  });

  /** Refuses a preview address whose token is not the build's signature, unexpired. */
  const verifyPreview = (req: Request, res: Response): string => {
    useErrorPage(res);
    const buildId = String(req.params.buildId);
    if (!signer.verify(`/previews/${buildId}/`, req.params.token)) {
      metrics.siteRequests.inc({ kind: 'preview', status: '403' });
      throw new AppError('FORBIDDEN', 'This preview link is not valid or has expired; open the preview again from your dashboard.');
    }
    return buildId;
  };

  router.get('/previews/:buildId/:token', (req, res, next) => {
    if (req.path.endsWith('/')) return next();
    // Only the folder's slash is added (to a valid link only), so that the page's relative addresses stay inside it.
    const buildId = verifyPreview(req, res);
    res.redirect(301, `/previews/${encodeURIComponent(buildId)}/${encodeURIComponent(String(req.params.token))}/`);
  });
  router.get(['/previews/:buildId/:token/', '/previews/:buildId/:token/*path'], async (req, res) => {
    const buildId = verifyPreview(req, res);
    const build = await db.build.findUnique({ where: { id: buildId }, select: { portfolioId: true, status: true } });
    if (!build || build.status !== 'succeeded') throw new AppError('NOT_FOUND', 'This build has no preview.');
    const file = filePath(req);
    const sent = file !== null && (await sendFile(res, storage, `${siteFilesPrefix(build.portfolioId, buildId)}${file}`, 'private, no-store'));
    metrics.siteRequests.inc({ kind: 'preview', status: sent ? '200' : '404' });
    if (!sent) throw new AppError('NOT_FOUND', 'This page does not exist.');
  });

  return router;
}
