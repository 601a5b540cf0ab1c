import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { DependencyError } from '@r2w/cv-schema';
import { awsClientConfig, instrumented, type AwsConnection } from './aws-client';
import { assertSafeKey, assertSafePrefix, countedBody, DEFAULT_CONTENT_TYPE, keyFolder, objectNotFound } from './object-key';
import type { ObjectStorage, PutOptions, StoredObject } from './object-storage';

export interface S3StorageOptions extends AwsConnection {
  bucket: string;
  forcePathStyle?: boolean;
  serverSideEncryption: 'AES256' | 'aws:kms';
  /** Only with 'aws:kms'; without it S3 uses the account's aws/s3 key. */
  kmsKeyId?: string;
  /** A folder inside the bucket for every key, e.g. 'staging'; a trailing '/' is added. */
  keyPrefix?: string;
}

// DeleteObjects takes at most this many keys, and a ListObjectsV2 page returns at most this many.
const S3_BATCH = 1000;
const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

export class S3Storage implements ObjectStorage {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly encryption: Pick<PutObjectCommandInput, 'ServerSideEncryption' | 'SSEKMSKeyId'>;

  constructor(options: S3StorageOptions) {
    if (options.kmsKeyId !== undefined && options.serverSideEncryption !== 'aws:kms') {
      throw new Error("S3Storage: kmsKeyId is only used with serverSideEncryption 'aws:kms'.");
    }
    this.bucket = options.bucket;
    this.keyPrefix = keyFolder(options.keyPrefix);
    this.encryption = { ServerSideEncryption: options.serverSideEncryption, SSEKMSKeyId: options.kmsKeyId };
    this.client = instrumented(
      options,
      new S3Client({
        // socketTimeout is an idle limit, so long transfers that keep moving are unaffected.
        ...awsClientConfig(options, { maxAttempts: 3, requestHandler: { socketTimeout: 30_000 } }),
        forcePathStyle: options.forcePathStyle,
        // The default checksums send stream bodies aws-chunked, which S3-compatible servers may store framing and all.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    );
  }

  async put(key: string, body: Readable | Buffer | string, options: PutOptions = {}): Promise<StoredObject> {
    const Key = this.s3Key(key);
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const counted = countedBody(body, options.maxBytes);
    // Upload sends one PutObject for a body under 5 MB and a multipart upload otherwise, holding
    // at most a few parts in memory. When the body fails (too large, or the caller's stream
    // broke) it aborts the multipart upload before done() rejects, so nothing is left behind.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key, Body: counted, ContentType: contentType, CacheControl: options.cacheControl, ...this.encryption },
    });
    await upload.done().catch(rethrow);
    return { key, size: counted.bytes, contentType, cacheControl: options.cacheControl };
  }

  /**
   * One PutObject carrying the body's SHA-256 and MD5: S3 checks the bytes against both on
   * receipt (refusing the upload when they differ) and keeps the SHA-256 with the object,
   * where checksumOf() reads it back. Not multipart, so the checksum is the whole object's
   * (a multipart upload keeps a checksum of part checksums): at most 5 GiB.
   */
  async putWithChecksum(key: string, body: Readable | Buffer, options: { size: number; sha256: Buffer; md5: Buffer; contentType?: string; cacheControl?: string }): Promise<void> {
    if (options.size > MAX_SINGLE_PUT_BYTES) throw new Error(`${key} is larger than the 5 GiB a single upload may carry.`);
    const response = await this.client
      .send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.s3Key(key),
          Body: body,
          ContentLength: options.size,
          ContentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
          CacheControl: options.cacheControl,
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: options.sha256.toString('base64'),
          ContentMD5: options.md5.toString('base64'),
          ...this.encryption,
        }),
      )
      .catch(rethrow);
    // With SSE-S3 a single-part object's ETag is the MD5 of the bytes the server stored: a
    // second check, made by the server, that also holds on emulators that take the
    // checksum headers on trust. (With SSE-KMS the ETag is not an MD5.)
    const etag = response.ETag?.replace(/"/g, '');
    if (this.encryption.ServerSideEncryption === 'AES256' && etag !== options.md5.toString('hex')) {
      await this.delete(key);
      throw new Error(`S3 stored other bytes than were sent (ETag ${etag ?? 'none'}, MD5 ${options.md5.toString('hex')}); the object was removed.`);
    }
  }

  /** The object's size and the whole-object SHA-256 S3 keeps for it (null when it was stored without one); null when there is no object. */
  async checksumOf(key: string): Promise<{ size: number; sha256: Buffer | null } | null> {
    const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.s3Key(key), ChecksumMode: 'ENABLED' })).catch((err: unknown) => {
      if (isMissing(err)) return null;
      return rethrow(err);
    });
    if (!response) return null;
    // A multipart upload's checksum ends in -<parts>: not the whole object's.
    const sha256 = response.ChecksumSHA256 && !response.ChecksumSHA256.includes('-') ? Buffer.from(response.ChecksumSHA256, 'base64') : null;
    return { size: response.ContentLength ?? 0, sha256 };
  }

  async get(key: string): Promise<{ body: Readable; object: StoredObject }> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.s3Key(key) })).catch((err: unknown) => {
      if (isMissing(err)) throw objectNotFound(key);
      return rethrow(err);
    });
    if (!(response.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body.');
    return { body: response.Body, object: { key, size: response.ContentLength ?? 0, contentType: response.ContentType, cacheControl: response.CacheControl } };
  }

  async head(key: string): Promise<StoredObject | null> {
    const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.s3Key(key) })).catch((err: unknown) => {
      if (isMissing(err)) return null;
      return rethrow(err);
    });
    return response && { key, size: response.ContentLength ?? 0, contentType: response.ContentType, cacheControl: response.CacheControl };
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.s3Key(key) })).catch(rethrow);
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertSafePrefix(prefix, { allowEmpty: false });
    let deleted = 0;
    // Deleting a page does not disturb the continuation token, which points past its last key.
    for await (const page of this.pages(prefix)) {
      const objects = (page.Contents ?? []).flatMap(({ Key }) => (Key === undefined ? [] : [{ Key }]));
      if (objects.length === 0) continue;
      const response = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: objects, Quiet: true } })).catch(rethrow);
      const errors = response.Errors ?? [];
      if (errors.length > 0) {
        const summary = errors
          .slice(0, 3)
          .map((e) => `${e.Key}: ${e.Code}`)
          .join(', ');
        throw new DependencyError('object storage', new Error(`S3 did not delete ${errors.length} object(s) (${summary}).`));
      }
      deleted += objects.length;
    }
    return deleted;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertSafePrefix(prefix, { allowEmpty: true });
    const objects: StoredObject[] = [];
    // ListObjectsV2 reports no content type, and a HEAD per object would make listing a folder cost one request per file.
    for await (const page of this.pages(prefix)) {
      for (const { Key, Size, LastModified } of page.Contents ?? []) {
        if (Key !== undefined) objects.push({ key: Key.slice(this.keyPrefix.length), size: Size ?? 0, lastModified: LastModified });
      }
    }
    return objects;
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket })).catch(rethrow);
  }

  /** Closes the client's pooled sockets (tests; a server process keeps its client for life). */
  destroy(): void {
    this.client.destroy();
  }

  private s3Key(key: string): string {
    assertSafeKey(key);
    return this.keyPrefix + key;
  }

  /** Every object under the prefix, a page (≤ 1000 keys) at a time; S3 errors mapped as everywhere else. */
  private async *pages(prefix: string): AsyncGenerator<ListObjectsV2CommandOutput> {
    try {
      yield* paginateListObjectsV2({ client: this.client, pageSize: S3_BATCH }, { Bucket: this.bucket, Prefix: this.keyPrefix + prefix });
    } catch (err) {
      rethrow(err);
    }
  }
}

function isMissing(err: unknown): boolean {
  // GetObject says NoSuchKey; HeadObject has no body, so the SDK names its 404 NotFound.
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/**
 * Unreachable S3 (no response at all) and 5xx answers become DependencyError (503). The SDK
 * stamps `$metadata` on every error that went through a request, so errors without it (our
 * validation, PAYLOAD_TOO_LARGE, the caller's own broken stream) pass through unchanged, as
 * do 4xx answers, which are configuration mistakes rather than outages.
 */
function rethrow(err: unknown): never {
  const metadata = (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  const status = metadata?.httpStatusCode;
  if (metadata && (status === undefined || status >= 500)) throw new DependencyError('object storage', err);
  throw err;
}
