import express, { type Request, type Response, type Router } from 'express';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import { clientNetwork, type IdentifierHasher } from '../../http/middleware/rate-limit/client-identity';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import { jsonBody } from '../../http/middleware/require-json';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import type { Signals } from '../../adapters/signals/signals';
import type { TokenService } from '../auth/tokens';
import type { Database } from '../../db/database';
import type { CvCaller } from './cv-access';
import { streamCvEvents, type EventStreamOptions } from './cv-events';
import { SNIFF_BYTES, type CvService, type Upload } from './cvs.service';
import { checkDeclaredSize, receiveUpload } from './receive-upload';
import type { ExtractionQuota, UploadOwner } from './extraction-quota';
import type { CvById } from '../../db/cv-by-id';
import { AppError } from '@r2w/cv-schema';
import { ClaimBodySchema, CvIdParamsSchema, ExportQuerySchema, PHOTO_UPLOAD_TYPES, PhotoCropQuerySchema, photoCropOf } from '@r2w/cv-schema/api';
import { MAX_PHOTO_BYTES } from '../../photos/profile-photo';

const PENDING_EXTRACTION_RETRY_SECONDS = 5;

export interface CvsRouterDeps {
  cvs: CvService;
  db: Database;
  cvById: CvById;
  tokens: TokenService;
  sessions: SessionStore;
  metrics: Metrics;
  signals: Signals;
  limits: RateLimits;
  extractionQuota: ExtractionQuota;
  identifiers: IdentifierHasher;
  jsonLimit: string;
  cvJsonLimit: string;
  maxUploadBytes: number;
  events: EventStreamOptions;
}

function callerOf(req: Request, res: Response): CvCaller {
  const header = req.get('x-claim-token');
  const query = typeof req.query.claimToken === 'string' ? req.query.claimToken : undefined;
  return { userId: res.locals.auth?.userId, claimToken: header ?? query };
}

function idOf(req: Request): string {
  return CvIdParamsSchema.parse(req.params).id;
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
    // Before the file is read: a refused upload costs neither bandwidth nor storage. Every
    // 429 says when to try again (the contract); a waiting CV is read within seconds.
    await deps.extractionQuota.admit(owner).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 429) res.setHeader('Retry-After', String(PENDING_EXTRACTION_RETRY_SECONDS));
      throw error;
    });
    const max = deps.maxUploadBytes;
    const upload: Upload = (store, abandon) => {
      checkDeclaredSize(req, max);
      return receiveUpload(req, { fieldName: 'file', maxBytes: max, headBytes: SNIFF_BYTES }, store, abandon);
    };
    res.status(202).json(await cvs.upload(upload, owner, res.locals.requestId));
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
    const { claimToken } = ClaimBodySchema.parse(req.body);
    res.json({ cv: await cvs.claim(idOf(req), authOf(res).userId, claimToken) });
  });

  router.put('/:id/data', userOrClaim, ...jsonBody(deps.cvJsonLimit), async (req, res) => {
    res.json({ cv: await cvs.replaceData(idOf(req), callerOf(req, res), req.body) });
  });

  router.get('/:id/export', userOrClaim, async (req, res) => {
    const { format } = ExportQuerySchema.parse(req.query);
    const { document, fileName } = await cvs.export(idOf(req), callerOf(req, res), format);
    res.attachment(fileName).json(document);
  });

  router.get('/:id/file', userOrClaim, async (req, res) => {
    const file = await cvs.openFile(idOf(req), callerOf(req, res));
    res.attachment(file.fileName).type(file.contentType).setHeader('Content-Length', String(file.size));
    file.body.on('error', () => res.destroy());
    file.body.pipe(res);
  });

  // The photo is the request body itself (Content-Type image/jpeg, image/png or image/webp),
  // the crop is in the query: a file input's File goes as it is, no multipart framing.
  router.put(
    '/:id/photo',
    userOrClaim,
    limits.for('photo'),
    (req, _res, next) =>
      next(req.is([...PHOTO_UPLOAD_TYPES]) ? undefined : new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as the request body with Content-Type image/jpeg, image/png or image/webp.')),
    express.raw({ type: [...PHOTO_UPLOAD_TYPES], limit: MAX_PHOTO_BYTES }),
    async (req, res) => {
      const crop = photoCropOf(PhotoCropQuerySchema.parse(req.query));
      const body: unknown = req.body;
      res.json({ cv: await cvs.setPhoto(idOf(req), callerOf(req, res), Buffer.isBuffer(body) ? body : Buffer.alloc(0), crop) });
    },
  );

  router.get('/:id/photo', userOrClaim, async (req, res) => {
    const photo = await cvs.openPhoto(idOf(req), callerOf(req, res));
    // Private to its owner until a site is built from it; a new upload gets a new key, not a new version of this answer.
    res.type(photo.contentType).setHeader('Content-Length', String(photo.size)).setHeader('Cache-Control', 'private, no-cache');
    photo.body.on('error', () => res.destroy());
    photo.body.pipe(res);
  });

  router.delete('/:id/photo', userOrClaim, async (req, res) => {
    res.json({ cv: await cvs.removePhoto(idOf(req), callerOf(req, res)) });
  });

  router.delete('/:id', userOrClaim, async (req, res) => {
    await cvs.delete(idOf(req), callerOf(req, res));
    res.status(204).end();
  });

  return router;
}
