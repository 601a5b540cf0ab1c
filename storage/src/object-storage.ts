import type { Readable } from 'node:stream';

// Object storage: a folder under DATA_DIR locally, S3 in AWS. Keys are relative,
// '/'-separated paths such as `uploads/<userId>/<cvId>/original.pdf`.
export interface StoredObject {
  key: string;
  size: number;
  contentType?: string;
  /** The Cache-Control the object was stored with, for whoever serves it (a site's font files: immutable). */
  cacheControl?: string;
  /** When the object was last written (list only); sweeps use it to leave fresh writes alone. */
  lastModified?: Date;
}

export interface PutOptions {
  contentType?: string;
  cacheControl?: string;
  /** Refuse the write once the body passes this many bytes (throws AppError PAYLOAD_TOO_LARGE). */
  maxBytes?: number;
}

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Streams the body to the key; the object only becomes visible once complete. */
  put(key: string, body: Readable | Buffer | string, options?: PutOptions): Promise<StoredObject>;
  /** Throws NotFoundError when the key does not exist. */
  get(key: string): Promise<{ body: Readable; object: StoredObject }>;
  head(key: string): Promise<StoredObject | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every object under the prefix; returns how many were deleted. */
  deletePrefix(prefix: string): Promise<number>;
  list(prefix: string): Promise<StoredObject[]>;
  /** Readiness: resolves when the store answers, throws otherwise. */
  ping(): Promise<void>;
}
