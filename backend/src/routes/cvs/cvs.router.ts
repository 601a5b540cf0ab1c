import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import { clientNetwork, type IdentifierHasher } from '../../http/middleware/rate-limit/client-identity';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import { jsonBody } from '../../http/middleware/require-json';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import type { TokenService } from '../auth/tokens';
import type { Database } from '../../db/database';
import type { CvCaller } from './cv-access';
import { streamCvEvents, type EventStreamOptions } from './cv-events';
import type { CvService } from './cvs.service';
import type { ExtractionQuota, UploadOwner } from './extraction-quota';
import type { CvById } from '../../db/cv-by-id';

export interface CvsRouterDeps {
  cvs: CvService;
  db: Database;
  cvById: CvById;
  tokens: TokenService;
  sessions: SessionStore;
  metrics: Metrics;
  limits: RateLimits;
  extractionQuota: ExtractionQuota;
  identifiers: IdentifierHasher;
  jsonLimit: string;
  cvJsonLimit: string;
  events: EventStreamOptions;
}

const ClaimBody = z.object({ claimToken: z.string().min(1, 'is required').max(100) });
const ExportQuery = z.object({ format: z.enum(['cv', 'json-resume']).default('cv') });
const IdParam = z.object({ id: z.uuid({ error: 'is not a CV id' }) });

function callerOf(req: Request, res: Response): CvCaller {
  const header = req.get('x-claim-token');
  const query = typeof req.query.claimToken === 'string' ? req.query.claimToken : undefined;
  return { userId: res.locals.auth?.userId, claimToken: header ?? query };
}

function idOf(req: Request): string {
  return IdParam.parse(req.params).id;
}

export function cvsRouter(deps: CvsRouterDeps): Router {
  const router = createRouter();
  const user = authenticate(deps.tokens, deps.sessions, deps.metrics);
  // Anonymous uploaders follow and edit their CV with its claim token until they sign up.
  const userOrClaim = authenticate(deps.tokens, deps.sessions, deps.metrics, { optional: true });
  const userOrClaimStream = authenticate(deps.tokens, deps.sessions, deps.metrics, { optional: true, allowQueryToken: true });
  const { cvs, limits } = deps;

  router.post('/', userOrClaim, limits.for('uploadAnonymous'), limits.for('uploadUser'), async (req, res) => {
    const userId = res.locals.auth?.userId;
    const owner: UploadOwner = userId ? { userId } : { uploaderHash: deps.identifiers.hash(clientNetwork(req)) };
    // Before the file is read: a refused upload costs neither bandwidth nor storage.
    await deps.extractionQuota.admit(owner);
    res.status(202).json(await cvs.upload(req, owner, res.locals.requestId));
  });

  router.post('/import', user, limits.for('import'), ...jsonBody(deps.cvJsonLimit), async (req, res) => {
    res.status(201).json({ cv: await cvs.importJsonResume(authOf(res).userId, req.body, res.locals.requestId) });
  });

  router.get('/', user, async (_req, res) => {
    res.json({ cvs: await cvs.list(authOf(res).userId) });
  });

  router.get('/:id', userOrClaim, async (req, res) => {
    res.json({ cv: await cvs.get(idOf(req), callerOf(req, res)) });
  });

  router.get('/:id/events', userOrClaimStream, async (req, res) => {
    await streamCvEvents(req, res, deps, idOf(req), callerOf(req, res), deps.events);
  });

  router.post('/:id/claim', user, ...jsonBody(deps.jsonLimit), async (req, res) => {
    const { claimToken } = ClaimBody.parse(req.body);
    res.json({ cv: await cvs.claim(idOf(req), authOf(res).userId, claimToken) });
  });

  router.put('/:id/data', userOrClaim, ...jsonBody(deps.cvJsonLimit), async (req, res) => {
    res.json({ cv: await cvs.replaceData(idOf(req), callerOf(req, res), req.body) });
  });

  router.get('/:id/export', userOrClaim, async (req, res) => {
    const { format } = ExportQuery.parse(req.query);
    const { document, fileName } = await cvs.export(idOf(req), callerOf(req, res), format);
    res.attachment(fileName).json(document);
  });

  router.get('/:id/file', userOrClaim, async (req, res) => {
    const file = await cvs.openFile(idOf(req), callerOf(req, res));
    if ('redirect' in file) return res.redirect(302, file.redirect);
    res.attachment(file.fileName).type(file.contentType).setHeader('Content-Length', String(file.size));
    file.body.on('error', () => res.destroy());
    file.body.pipe(res);
  });

  router.delete('/:id', userOrClaim, async (req, res) => {
    await cvs.delete(idOf(req), callerOf(req, res));
    res.status(204).end();
  });

  return router;
}
