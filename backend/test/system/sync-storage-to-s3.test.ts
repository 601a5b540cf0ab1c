import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createS3Storage, LocalFolderStorage, type ObjectStorage } from '@r2w/storage';
import { runSyncCli } from '../../src/cli/sync-storage-to-s3';
import { syncStorageToS3 } from '../../src/data-migration/sync-storage';
import { startMoto, type Moto } from '../support/moto';

// `npm run sync:storage-to-s3`: a local storage folder (as the API writes it) copied to
// S3 on moto, checked by size and SHA-256, skipping on a second run what is already
// there and uploading again what changed.

const BUCKET = 'r2w-sync-test';
const PREFIX = 'migrated';
let moto: Moto;
let admin: S3Client;
const savedCredentials = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

beforeAll(async () => {
  moto = await startMoto();
  // The tool takes credentials from the AWS SDK's usual chain, as it would in AWS.
  process.env.AWS_ACCESS_KEY_ID = moto.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = moto.credentials.secretAccessKey;
  admin = new S3Client({ region: moto.region, endpoint: moto.endpoint, forcePathStyle: true, credentials: moto.credentials });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = savedCredentials.id;
  process.env.AWS_SECRET_ACCESS_KEY = savedCredentials.secret;
  if (savedCredentials.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
  if (savedCredentials.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  admin?.destroy();
  await moto?.stop();
});

function s3Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { AWS_REGION: moto.region, AWS_ENDPOINT_URL: moto.endpoint, S3_BUCKET: BUCKET, S3_KEY_PREFIX: PREFIX, S3_FORCE_PATH_STYLE: 'true', ...extra };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

async function inBucket(key: string): Promise<{ body: Buffer; contentType: string | undefined; cacheControl: string | undefined } | null> {
  try {
    const response = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${key}` }));
    return { body: Buffer.from(await response.Body!.transformToByteArray()), contentType: response.ContentType, cacheControl: response.CacheControl };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

function newStorageFolder(): { root: string; storage: LocalFolderStorage } {
  const root = mkdtempSync(path.join(process.env.R2W_TEST_DIR ?? '/tmp', 'sync-'));
  return { root, storage: new LocalFolderStorage({ root }) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('sync:storage-to-s3', () => {
  it('copies every object with its content type and Cache-Control, then skips what is there and uploads again what changed', async () => {
    const { root, storage } = newStorageFolder();
    const files: Record<string, { body: Buffer; contentType?: string; cacheControl?: string }> = {
      'uploads/u1/cv1/original.pdf': { body: randomBytes(200_000), contentType: 'application/pdf' },
      // Above the 5 MB at which the product's own uploads turn multipart.
      'uploads/u1/cv2/original.docx': { body: randomBytes(6 * 1024 * 1024) },
      'sites/p1/b1/index.html': { body: Buffer.from('<!doctype html><title>Jane</title>'), contentType: 'text/html; charset=utf-8' },
      'uploads/anon/cv3/Jane Doe – CV ü.txt': { body: Buffer.from('Jane Doe\n'), contentType: 'text/plain' },
      'sites/p1/b1/fonts/inter-5.3.0/latin-normal.woff2': { body: Buffer.from('wOF2 font bytes'), contentType: 'font/woff2', cacheControl: 'public, max-age=31536000, immutable' },
    };
    for (const [key, { body, contentType, cacheControl }] of Object.entries(files)) await storage.put(key, body, { contentType, cacheControl });

    const first = io();
    expect(await runSyncCli(['--from', root], s3Env(), first.io)).toBe(0);
    expect(first.out.at(-1)).toBe('Done: 5 objects: 5 copied, 0 replaced (differed), 0 skipped (already there), 0 failed.');
    for (const [key, { body, contentType, cacheControl }] of Object.entries(files)) {
      const copied = await inBucket(key);
      expect(copied && sha256(copied.body)).toBe(sha256(body));
      expect(copied?.contentType).toBe(contentType ?? 'application/octet-stream');
      expect(copied?.cacheControl).toBe(cacheControl);
      // S3 holds the SHA-256 it checked the upload against.
      const head = await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${key}`, ChecksumMode: 'ENABLED' }));
      expect(Buffer.from(head.ChecksumSHA256 ?? '', 'base64').toString('hex')).toBe(sha256(body));
    }

    // Meanwhile: one file changed (same size), one added, and one went missing from the bucket (an earlier run stopped).
    const changed = Buffer.from('<!doctype html><title>JANE</title>');
    await storage.put('sites/p1/b1/index.html', changed, { contentType: 'text/html; charset=utf-8' });
    await storage.put('sites/p1/b1/404.html', 'not here', { contentType: 'text/html; charset=utf-8' });
    await createS3Storage({ driver: 's3', region: moto.region, endpoint: moto.endpoint, bucket: BUCKET, keyPrefix: PREFIX, forcePathStyle: true, sse: 'AES256' }).delete('uploads/u1/cv1/original.pdf');

    const second = io();
    expect(await runSyncCli(['--from', root], s3Env(), second.io)).toBe(0);
    expect(second.out.at(-1)).toBe('Done: 6 objects: 2 copied, 1 replaced (differed), 3 skipped (already there), 0 failed.');
    expect(second.out).toEqual(
      expect.arrayContaining(['replaced sites/p1/b1/index.html (34 bytes)', 'copied   sites/p1/b1/404.html (8 bytes)', 'copied   uploads/u1/cv1/original.pdf (200000 bytes)']),
    );
    expect(sha256((await inBucket('sites/p1/b1/index.html'))!.body)).toBe(sha256(changed));
    expect(sha256((await inBucket('uploads/u1/cv1/original.pdf'))!.body)).toBe(sha256(files['uploads/u1/cv1/original.pdf']!.body));

    const third = io();
    expect(await runSyncCli(['--from', root], s3Env(), third.io)).toBe(0);
    expect(third.out.at(-1)).toBe('Done: 6 objects: 0 copied, 0 replaced (differed), 6 skipped (already there), 0 failed.');
  }, 60_000);

  it('counts an object that cannot be read as failed, copies the rest, and exits non-zero', async () => {
    const { storage } = newStorageFolder();
    await storage.put('uploads/a/1/original.txt', 'one');
    await storage.put('uploads/a/2/original.txt', 'two');
    // A disk that fails on one file: the injected failure is the source's, the bucket is real.
    const failing: ObjectStorage = Object.assign(Object.create(storage) as ObjectStorage, {
      get: (key: string) => (key.includes('/2/') ? Promise.reject(new Error('EIO: i/o error')) : storage.get(key)),
    });
    const target = createS3Storage({ driver: 's3', region: moto.region, endpoint: moto.endpoint, bucket: BUCKET, keyPrefix: 'failing', forcePathStyle: true, sse: 'AES256' });
    const lines: string[] = [];
    const summary = await syncStorageToS3(failing, target, { progress: (line) => lines.push(line) });
    target.destroy();
    expect(summary).toEqual({ total: 2, copied: 1, skipped: 0, replaced: 0, failed: [{ key: 'uploads/a/2/original.txt', error: 'EIO: i/o error' }] });
    expect(lines).toContain('FAILED   uploads/a/2/original.txt: EIO: i/o error');

    // A file rewritten between its hashing and its upload: S3 refuses bytes that do not match the digests sent.
    let reads = 0;
    const changing: ObjectStorage = Object.assign(Object.create(storage) as ObjectStorage, {
      get: async (key: string) => (reads++ === 0 ? storage.get(key) : { ...(await storage.get(key)), body: Readable.from([Buffer.from('ONE')]) }),
      list: async () => (await storage.list('')).slice(0, 1),
    });
    const changedTarget = createS3Storage({ driver: 's3', region: moto.region, endpoint: moto.endpoint, bucket: BUCKET, keyPrefix: 'changing', forcePathStyle: true, sse: 'AES256' });
    const refused = await syncStorageToS3(changing, changedTarget, { progress: () => undefined });
    expect(refused.failed.map((f) => f.key)).toEqual(['uploads/a/1/original.txt']);
    // AWS answers BadDigest; moto takes the checksum headers on trust, and the ETag check catches it.
    expect(refused.failed[0]!.error).toMatch(/BadDigest|stored other bytes than were sent/);
    expect(await changedTarget.head('uploads/a/1/original.txt')).toBeNull();
    changedTarget.destroy();

    const { root } = newStorageFolder();
    await new LocalFolderStorage({ root }).put('x.txt', 'x');
    const missingBucket = io();
    expect(await runSyncCli(['--from', root], s3Env({ S3_BUCKET: 'no-such-bucket' }), missingBucket.io)).toBe(1);
    expect(missingBucket.err.join('\n')).toMatch(/The sync stopped/);
  });

  it('explains wrong usage', async () => {
    const { root } = newStorageFolder();
    const unconfigured = io();
    expect(await runSyncCli(['--from', root], {}, unconfigured.io)).toBe(2);
    expect(unconfigured.err.join('\n')).toMatch(/S3_BUCKET: is required when STORAGE_DRIVER=s3[\s\S]*AWS_REGION: is required/);
    const notStorage = io();
    expect(await runSyncCli(['--from', path.join(root, 'nothing')], s3Env(), notStorage.io)).toBe(2);
    expect(notStorage.err.join('\n')).toMatch(/is not a local storage folder/);
    const help = io();
    expect(await runSyncCli(['--help'], {}, help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/SHA-256[\s\S]*skipped/);
  });
});
