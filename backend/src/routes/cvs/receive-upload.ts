import { PassThrough } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@r2w/cv-schema';
import type { IncomingFile } from './cvs.service';

// Receives one file from a multipart/form-data request as a stream, never holding it
// whole in memory. The caller gets the first bytes (to check the type by content) and
// a stream of the whole file to write to storage.

export interface ReceiveOptions {
  fieldName: string;
  maxBytes: number;
  headBytes: number;
}

// Multipart framing and other small fields on top of the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

// busboy's own messages ("Unexpected end of form", "Malformed part header") are not for people.
const unreadable = () => new AppError('VALIDATION_FAILED', 'The multipart request could not be read: it ends early or its parts are malformed. Send the file again.');

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / (1024 * 1024))} MB allowed. Upload a smaller file.`);
}

/** Refuses before reading anything when the declared size is already too large. */
export function checkDeclaredSize(req: Request, maxBytes: number): void {
  if (!req.is('multipart/form-data')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the CV as multipart/form-data with the file in the "file" field.');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
}

/**
 * Calls `handle` with the file as soon as its first bytes have arrived and resolves with
 * its result once the request is fully read. Refusals (too large, no file) reject, and a
 * file handled before the request failed is given to `abandon`.
 */
export function receiveUpload<T>(
  req: Request,
  options: ReceiveOptions,
  handle: (file: IncomingFile) => Promise<T>,
  /** Undoes a handled file when the request fails after it (a malformed part that follows it). */
  abandon: (handled: T) => Promise<void>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // File names arrive as UTF-8 from every browser; busboy reads them as latin1 unless told.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 1024, parts: 12 } });
    } catch {
      reject(new AppError('VALIDATION_FAILED', 'The multipart request is malformed (missing boundary).'));
      return;
    }
    let settled = false;
    let result: Promise<T> | undefined;
    let body: PassThrough | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Whatever failed, storage must not keep waiting for the rest of the file.
      body?.destroy(error instanceof Error ? error : unreadable());
      // Keep reading (and discarding) what the client still sends, so it gets to read
      // our answer instead of a reset connection; a client that never stops is cut off.
      req.unpipe(parser);
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > options.maxBytes * 2) req.destroy();
      });
      req.resume();
      reject(error);
      // The file may have been stored completely before a later part failed.
      result?.then(abandon, () => undefined);
    };

    parser.on('file', (field, stream, info) => {
      if (field !== options.fieldName || result) {
        stream.resume();
        return;
      }
      const file = new PassThrough();
      body = file;
      // Every error destroys `file`; until storage has it (or when it never does, because the
      // file was refused early) nothing else listens, and an unheard 'error' ends the process.
      file.on('error', fail);
      const headChunks: Buffer[] = [];
      let headLength = 0;
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        const head = Buffer.concat(headChunks);
        file.write(head);
        result = handle({ fileName: info.filename || 'cv', head, stream: file });
        result.catch(fail);
      };
      stream.on('data', (chunk: Buffer) => {
        if (started) {
          if (!file.write(chunk)) {
            stream.pause();
            file.once('drain', () => stream.resume());
          }
          return;
        }
        headChunks.push(chunk);
        headLength += chunk.length;
        if (headLength >= options.headBytes) start();
      });
      stream.on('limit', () => fail(tooLarge(options.maxBytes)));
      stream.on('end', () => {
        start();
        file.end();
      });
      stream.on('error', () => fail(unreadable()));
    });
    parser.on('error', () => fail(unreadable()));
    parser.on('close', () => {
      if (settled) return;
      if (!result) {
        fail(new AppError('VALIDATION_FAILED', `Attach the CV file in the "${options.fieldName}" field.`));
        return;
      }
      result.then((value) => {
        settled = true;
        resolve(value);
      }, fail);
    });
    req.on('aborted', () => fail(new AppError('VALIDATION_FAILED', 'The upload was interrupted.')));
    req.pipe(parser);
  });
}
