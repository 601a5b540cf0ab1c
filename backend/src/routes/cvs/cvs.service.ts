import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError, CvEditSchema, fromJsonResume, toJsonResume } from '@r2w/cv-schema';
import type { Database } from '../../db/database';
import type { CvById } from '../../db/cv-by-id';
import type { JobQueue } from '../../adapters/queue/job-queue';
import type { ObjectStorage } from '@r2w/storage';
import type { SitePointers } from '../../adapters/site-pointers/site-pointers';
import type { TaskRunner } from '../../adapters/task-runner/task-runner';
import type { ExtractionJob } from '../../container';
import { detectKind } from '../../extraction/text/file-kind';
import { deleteWithSites } from '../../sites/take-down-sites';
import type { DocumentKind } from '../../extraction/text/document-text';
import type { Logger } from '../../observability/logger';
import type { Tracing } from '../../observability/tracing';
import type { Metrics } from '../../observability/metrics';
import type { ExportFormat, PhotoCrop, UploadResponse } from '@r2w/cv-schema/api';
import { makeProfilePhoto, PHOTO_CONTENT_TYPE } from '../../photos/profile-photo';
import { findAccessibleCv, hashClaimToken, type CvCaller } from './cv-access';
import { toApiCv } from './cv.mapper';
import { readStoredCv } from './stored-cv';

export interface CvServiceDeps {
  db: Database;
  cvById: CvById;
  storage: ObjectStorage;
  sitePointers: SitePointers;
  taskRunner: TaskRunner;
  queue: JobQueue<ExtractionJob>;
  metrics: Metrics;
  logger: Logger;
  tracing: Tracing;
  maxUploadBytes: number;
}

const CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
};

// Enough bytes to tell a PDF, a zip and text apart.
export const SNIFF_BYTES = 8 * 1024;

/** The file name as the person knows it, without any path or control characters. */
function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'cv';
}

/** A file as it arrives: its name, its first bytes (to tell its type by content), and the whole of it as a stream. */
export interface IncomingFile {
  fileName: string;
  /** At least the first `headBytes` of the file (less only when the file is shorter). */
  head: Buffer;
  /** The whole file, head included. */
  stream: Readable;
}

/**
 * An upload, however it arrives: calls `store` with the file as soon as its first bytes
 * are in and resolves with what `store` returned once the upload has been read whole. A
 * failure after `store` (the rest of the upload is malformed) hands the stored file to
 * `abandon` and rejects.
 */
export type Upload = <T>(store: (file: IncomingFile) => Promise<T>, abandon: (stored: T) => Promise<void>) => Promise<T>;

export class CvService {
  constructor(private readonly deps: CvServiceDeps) {}

  async upload(upload: Upload, caller: { userId?: string; uploaderHash?: string }, requestId: string) {
    const { db, storage, queue, metrics, logger, maxUploadBytes } = this.deps;
    const id = randomUUID();
    let kindLabel = 'unknown';
    try {
      const file = await upload(
        async (incoming) => {
          if (incoming.head.length === 0) throw new AppError('FILE_EMPTY', 'The file is empty. Choose the CV file again.');
          const kind = detectKind(incoming.head);
          if (!kind) {
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'This file is not a PDF, a Word document (.docx) or plain text. Upload your CV in one of those formats.');
          }
          kindLabel = kind;
          const key = `uploads/${caller.userId ?? 'anon'}/${id}/original.${kind}`;
          const stored = await storage.put(key, incoming.stream, { contentType: CONTENT_TYPES[kind], maxBytes: maxUploadBytes });
          return { key, kind, size: stored.size, fileName: displayName(incoming.fileName) };
        },
        // No row will point to it: a file nobody can see or delete must not stay behind.
        async (stored) => {
          await storage.delete(stored.key).catch((error: unknown) => void logger.warn('abandoned upload not deleted', { key: stored.key, err: String(error) }));
        },
      );

      const claimToken = caller.userId ? undefined : randomBytes(24).toString('base64url');
      const row = await db.cv.create({
        data: {
          id,
          userId: caller.userId ?? null,
          uploaderHash: caller.uploaderHash ?? null,
          claimTokenHash: claimToken ? hashClaimToken(claimToken) : null,
          status: 'queued',
          progress: 0,
          progressMessage: 'Waiting for a free extractor',
          fileName: file.fileName,
          fileKey: file.key,
          fileKind: file.kind,
          fileSize: file.size,
          requestId,
        },
      });
      try {
        await queue.send({ cvId: id, requestId, trace: this.deps.tracing.traceHeader() });
      } catch (error) {
        // Without a job the CV would wait forever: take it back whole.
        await db.cv.delete({ where: { id } });
        await storage.delete(file.key).catch(() => undefined);
        throw error;
      }
      metrics.cvUploads.inc({ kind: file.kind, outcome: 'accepted' });
      metrics.uploadBytes.observe({ kind: file.kind }, file.size);
      logger.info('cv uploaded', { cvId: id, kind: file.kind, bytes: file.size, anonymous: !caller.userId });
      return { cv: toApiCv(row, { withData: false }), ...(claimToken ? { claimToken } : {}) } satisfies UploadResponse;
    } catch (error) {
      metrics.cvUploads.inc({ kind: kindLabel, outcome: error instanceof AppError ? error.code.toLowerCase() : 'error' });
      throw error;
    }
  }

  async claim(id: string, userId: string, claimToken: string) {
    const { db, logger } = this.deps;
    const cv = await findAccessibleCv(this.deps.cvById, id, { userId, claimToken });
    if (cv.userId === userId && cv.claimTokenHash === null) return toApiCv(cv, { withData: true });
    // Conditional on still being unclaimed, so two accounts racing with one token cannot both win.
    const claimed = await db.cv.updateMany({ where: { id, userId: null, claimTokenHash: cv.claimTokenHash }, data: { userId, claimTokenHash: null } });
    if (claimed.count === 0) throw new AppError('NOT_FOUND', 'This CV was not found.');
    logger.info('cv claimed', { cvId: id });
    return toApiCv(await db.cv.findUniqueOrThrow({ where: { id } }), { withData: true });
  }

  async list(userId: string) {
    const rows = await this.deps.db.cv.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 200 });
    return rows.map((row) => toApiCv(row, { withData: false }));
  }

  async get(id: string, caller: CvCaller) {
    return toApiCv(await findAccessibleCv(this.deps.cvById, id, caller), { withData: true });
  }

  async replaceData(id: string, caller: CvCaller, body: unknown) {
    const { db, logger } = this.deps;
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    if (cv.status === 'queued' || cv.status === 'extracting') {
      throw new AppError('CV_NOT_READY', 'This CV is still being extracted; edit it once extraction has finished.');
    }
    const { extraction: _clientCopy, ...edit } = CvEditSchema.parse(body);
    // The extraction report is the extractor's record, not the user's: keep the stored one.
    const stored = cv.data && typeof cv.data === 'object' && 'extraction' in cv.data ? (cv.data as { extraction?: unknown }).extraction : undefined;
    const data = stored === undefined ? edit : { ...edit, extraction: stored };
    // Conditional on the status read above, so an extraction that started since is not overwritten.
    const updated = await db.cv.updateMany({ where: { id, status: cv.status }, data: { data: data as object, status: 'ready', errorCode: null, errorMessage: null } });
    if (updated.count === 0) throw new AppError('CV_NOT_READY', 'This CV changed while saving; reload it and try again.');
    logger.info('cv edited', { cvId: id });
    return toApiCv(await db.cv.findUniqueOrThrow({ where: { id } }), { withData: true });
  }

  async importJsonResume(userId: string, body: unknown, requestId: string) {
    const data = CvEditSchema.parse(fromJsonResume(body));
    const row = await this.deps.db.cv.create({
      data: { id: randomUUID(), userId, status: 'ready', progress: 100, progressMessage: 'Imported from JSON Resume', data: data as object, extractor: 'import', requestId },
    });
    this.deps.metrics.cvUploads.inc({ kind: 'json-resume', outcome: 'accepted' });
    this.deps.logger.info('cv imported', { cvId: row.id });
    return toApiCv(row, { withData: true });
  }

  async export(id: string, caller: CvCaller, format: ExportFormat) {
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    const data = readStoredCv(cv.data);
    if (data === null) throw new AppError('CV_NOT_READY', 'This CV has no extracted data yet.');
    return { document: format === 'json-resume' ? toJsonResume(data) : data, fileName: `${(cv.fileName ?? 'cv').replace(/\.[^.]+$/, '')}.${format === 'json-resume' ? 'resume' : 'cv'}.json` };
  }

  // Streamed by the API whatever the storage, never a redirect to S3: the SPA fetches the file
  // (to save it, or to draw it beside the editor), and its CSP, like the bucket's lack of CORS,
  // keeps a script from reading another origin. Uploads are small (MAX_UPLOAD_MB).
  async openFile(id: string, caller: CvCaller): Promise<{ body: Readable; fileName: string; contentType: string; size: number }> {
    const { storage } = this.deps;
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    if (!cv.fileKey || !cv.fileKind) throw new AppError('NOT_FOUND', 'This CV was imported and has no original file.');
    const fileName = cv.fileName ?? `cv.${cv.fileKind}`;
    const { body, object } = await storage.get(cv.fileKey);
    return { body, fileName, contentType: CONTENT_TYPES[cv.fileKind as DocumentKind], size: object.size };
  }

  /**
   * Makes the stored photo from an upload and the owner's crop, and points the CV at it. A
   * refused upload changes nothing: the photo is made before anything is stored, and the
   * old one is deleted only once the CV points at the new one.
   */
  async setPhoto(id: string, caller: CvCaller, upload: Buffer, crop: PhotoCrop | undefined) {
    const { db, storage, metrics, logger } = this.deps;
    try {
      const cv = await findAccessibleCv(this.deps.cvById, id, caller);
      const photo = await makeProfilePhoto(upload, crop);
      // A new key per photo: a site or browser holding the old one never sees it change under it.
      const key = `photos/${id}/${randomUUID()}.jpg`;
      await storage.put(key, photo, { contentType: PHOTO_CONTENT_TYPE });
      let replaced: boolean;
      try {
        // Conditional on the photo read above: of two uploads at once, one wins and no file is left unowned.
        replaced = (await db.cv.updateMany({ where: { id, photoKey: cv.photoKey }, data: { photoKey: key } })).count === 1;
      } catch (error) {
        await storage.delete(key).catch(() => undefined);
        throw error;
      }
      if (!replaced) {
        await this.deletePhotoFile(id, key);
        throw new AppError('CONFLICT', 'Another photo was saved for this CV at the same moment; reload and try again.');
      }
      if (cv.photoKey) await this.deletePhotoFile(id, cv.photoKey);
      metrics.photoUploads.inc({ outcome: 'accepted' });
      logger.info('cv photo uploaded', { cvId: id, bytes: upload.length, storedBytes: photo.length, cropped: crop !== undefined });
      return toApiCv(await db.cv.findUniqueOrThrow({ where: { id } }), { withData: true });
    } catch (error) {
      metrics.photoUploads.inc({ outcome: error instanceof AppError ? error.code.toLowerCase() : 'error' });
      throw error;
    }
  }

  async openPhoto(id: string, caller: CvCaller) {
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    if (!cv.photoKey) throw new AppError('NOT_FOUND', 'This CV has no photo.');
    const { body, object } = await this.deps.storage.get(cv.photoKey);
    return { body, contentType: PHOTO_CONTENT_TYPE, size: object.size };
  }

  async removePhoto(id: string, caller: CvCaller) {
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    if (!cv.photoKey) return toApiCv(cv, { withData: true });
    await this.deps.db.cv.update({ where: { id }, data: { photoKey: null } });
    await this.deletePhotoFile(id, cv.photoKey);
    this.deps.logger.info('cv photo removed', { cvId: id });
    return toApiCv(await this.deps.db.cv.findUniqueOrThrow({ where: { id } }), { withData: true });
  }

  /** Best effort: a photo no CV points at is invisible, and only logged when it stays. */
  private async deletePhotoFile(id: string, key: string) {
    await this.deps.storage.delete(key).catch((error: unknown) => this.deps.logger.warn('cv photo not deleted', { cvId: id, key, err: String(error) }));
  }

  async delete(id: string, caller: CvCaller) {
    const { db, storage, logger } = this.deps;
    const cv = await findAccessibleCv(this.deps.cvById, id, caller);
    const portfolios = await db.portfolio.findMany({ where: { cvId: id }, select: { id: true, slug: true, publishedBuildId: true } });
    // Its portfolios go with it (cascade), and so do their sites and addresses.
    await deleteWithSites(this.deps, portfolios, () => db.cv.delete({ where: { id } }));
    // The row goes first: a file left behind by a storage hiccup is invisible and only
    // logged, while a row without its file would be a broken CV.
    if (cv.fileKey) {
      await storage.delete(cv.fileKey).catch((error: unknown) => logger.warn('cv file not deleted', { cvId: id, key: cv.fileKey, err: String(error) }));
    }
    if (cv.photoKey) await this.deletePhotoFile(id, cv.photoKey);
    logger.info('cv deleted', { cvId: id });
  }
}
