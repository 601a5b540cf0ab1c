import { createHash } from 'node:crypto';
import type { ObjectStorage, StoredObject } from '@r2w/storage';
import type { S3Storage } from '@r2w/storage/s3';

// Copies every object of the local storage folder to S3 under the same keys. Each upload
// carries the body's SHA-256 and MD5, which S3 checks the bytes against on receipt; S3
// keeps the SHA-256 with the object (the SDK's flexible checksums), so a later run reads
// it back with HEAD and skips what is already there with the same size and SHA-256, and
// uploads again whatever differs or is missing. The ETag is not what runs compare by: it
// is the MD5 only for single-part uploads without SSE-KMS, and the product's own uploads
// are multipart above 5 MB and may use SSE-KMS (S3Storage.putWithChecksum still checks it
// against the MD5 right after an SSE-S3 upload).

export interface SyncOptions {
  progress(line: string): void;
  /** Objects handled at once. */
  concurrency?: number;
}

export interface SyncSummary {
  total: number;
  copied: number;
  /** Already in S3 with the same size and SHA-256. */
  skipped: number;
  /** Uploaded again because S3 held a different (or unverifiable) object under the key. */
  replaced: number;
  failed: { key: string; error: string }[];
}

async function digestsOf(storage: ObjectStorage, key: string): Promise<{ digest: Buffer; md5: Buffer; size: number }> {
  const { body } = await storage.get(key);
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    md5.update(chunk);
    size += chunk.length;
  }
  return { digest: sha256.digest(), md5: md5.digest(), size };
}

async function syncOne(source: ObjectStorage, target: S3Storage, object: StoredObject): Promise<'copied' | 'skipped' | 'replaced'> {
  const local = await digestsOf(source, object.key);
  const remote = await target.checksumOf(object.key);
  if (remote && remote.size === local.size && remote.sha256?.equals(local.digest)) return 'skipped';
  // Read again for the upload: if the file changed since it was hashed, S3 refuses the upload.
  const { body } = await source.get(object.key);
  await target.putWithChecksum(object.key, body, { size: local.size, sha256: local.digest, md5: local.md5, contentType: object.contentType, cacheControl: object.cacheControl });
  const stored = await target.checksumOf(object.key);
  if (!stored || stored.size !== local.size || !stored.sha256?.equals(local.digest)) {
    throw new Error(`after the upload S3 reports ${stored ? `${stored.size} bytes, SHA-256 ${stored.sha256?.toString('hex') ?? 'none'}` : 'no object'}`);
  }
  return remote ? 'replaced' : 'copied';
}

/** Copies the source's objects to the target; never throws for one object (it is counted as failed and the rest go on). */
export async function syncStorageToS3(source: ObjectStorage, target: S3Storage, options: SyncOptions): Promise<SyncSummary> {
  const objects = await source.list('');
  const summary: SyncSummary = { total: objects.length, copied: 0, skipped: 0, replaced: 0, failed: [] };
  options.progress(`${objects.length} objects to check`);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < objects.length) {
      const object = objects[next++]!;
      try {
        const outcome = await syncOne(source, target, object);
        summary[outcome]++;
        if (outcome !== 'skipped') options.progress(`${outcome.padEnd(8)} ${object.key} (${object.size} bytes)`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        summary.failed.push({ key: object.key, error: message });
        options.progress(`FAILED   ${object.key}: ${message}`);
      }
      done++;
      if (done % 100 === 0 || done === objects.length) options.progress(`${done}/${objects.length} checked`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return summary;
}
