import { finished, Readable, Transform, type TransformCallback } from 'node:stream';
import { AppError, NotFoundError } from '@r2w/cv-schema';

// What both ObjectStorage implementations must agree on: which keys are allowed (the same
// set in both, so a key that works locally works in S3), the default content type, the
// not-found error, and how a body is counted and cut off at its size limit.

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

// S3's own limit for a whole key, and the usual filesystem limit for one path segment.
const MAX_KEY_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;

function keyProblem(key: string): string | null {
  if (key === '') return 'is empty';
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return `is longer than ${MAX_KEY_BYTES} bytes`;
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'contains a control character';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/')) return 'is absolute';
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." segment';
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return `has a segment longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return null;
}

function refuse(what: 'key' | 'prefix', value: string, problem: string): never {
  throw new AppError('VALIDATION_FAILED', `The object ${what} ${problem}.`, { [what]: value });
}

/** Keys are relative '/'-separated paths that cannot climb out of the store's root. */
export function assertSafeKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) refuse('key', key, problem);
}

/**
 * S3_KEY_PREFIX as the folder every key lives under ('' or 'staging/'); whatever else
 * names S3 keys (the CDN's site pointers) must build them the same way.
 */
export function keyFolder(prefix: string | undefined): string {
  const folder = prefix?.replace(/\/$/, '') ?? '';
  if (folder) assertSafeKey(folder);
  return folder && `${folder}/`;
}

/**
 * A prefix is a key, optionally ending in '/'. The empty prefix (everything) is only
 * accepted where asked for, so that no bug can delete a whole store.
 */
export function assertSafePrefix(prefix: string, { allowEmpty }: { allowEmpty: boolean }): void {
  if (prefix === '') {
    if (!allowEmpty) refuse('prefix', prefix, 'is empty');
    return;
  }
  const problem = keyProblem(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  if (problem) refuse('prefix', prefix, problem);
}

export function objectNotFound(key: string): NotFoundError {
  return new NotFoundError(`Object "${key}"`);
}

/** Passes bytes through, counting them, and fails with PAYLOAD_TOO_LARGE the moment they pass the limit. */
export class CountedBody extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${this.maxBytes}-byte limit.`, { maxBytes: this.maxBytes }));
    } else {
      done(null, chunk);
    }
  }
}

/**
 * The body as a counted stream. The caller's stream is piped, not destroyed, on failure:
 * it belongs to the caller, and destroying an HTTP request would drop the connection
 * before a 413 could be sent.
 */
export function countedBody(body: Readable | Buffer | string, maxBytes = Infinity): CountedBody {
  const counted = new CountedBody(maxBytes);
  const source = body instanceof Readable ? body : Readable.from(typeof body === 'string' ? Buffer.from(body) : body);
  // pipe() forwards neither errors nor a close before the end; without this the write would wait forever.
  const stopWatching = finished(source, (err) => {
    if (err) counted.destroy(err);
  });
  counted.once('close', stopWatching);
  source.pipe(counted);
  return counted;
}
