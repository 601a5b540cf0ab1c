import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { S3Storage, type S3StorageOptions } from '@r2w/storage/s3';
import { DependencyError } from '@r2w/cv-schema';
import { expectPromptAwsFailure } from '../support/aws-failures';
import { startMoto, type Moto } from '../support/moto';
import { freePort } from '../support/ports';
import { describeObjectStorageContract, expectAppError, generatedStream, readAll } from './storage.contract';

const BUCKET = 'r2w-storage-test';
let moto: Moto;
let admin: S3Client;

beforeAll(async () => {
  moto = await startMoto();
  admin = new S3Client({ region: moto.region, endpoint: moto.endpoint, forcePathStyle: true, credentials: moto.credentials });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  admin?.destroy();
  await moto?.stop();
});

function onMoto(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  return new S3Storage({
    bucket: BUCKET,
    region: moto.region,
    endpoint: moto.endpoint,
    forcePathStyle: true,
    credentials: moto.credentials,
    serverSideEncryption: 'AES256',
    ...overrides,
  });
}

async function bucketKeys(prefix: string): Promise<string[]> {
  const listed = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

async function multipartUploadsUnder(prefix: string): Promise<string[]> {
  const listed = await admin.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Uploads ?? []).map((u) => u.Key ?? '');
}

// Each test gets its own folder of the one bucket through keyPrefix, which the contract then exercises too.
let folders = 0;
function freshFolder(): string {
  folders += 1;
  return `run-${folders}`;
}

describeObjectStorageContract('S3Storage on moto_server', async () => {
  const storage = onMoto({ keyPrefix: freshFolder() });
  return { storage, cleanup: async () => storage.destroy() };
});

describe('S3Storage on moto_server', () => {
  let folder: string;
  let storage: S3Storage;

  beforeEach(() => {
    folder = freshFolder();
    storage = onMoto({ keyPrefix: `${folder}/` });
  });

  afterEach(() => {
    storage.destroy();
  });

  it('stores objects under keyPrefix and reports keys without it', async () => {
    await storage.put('cv/a.pdf', 'x');
    expect(await bucketKeys(`${folder}/`)).toEqual([`${folder}/cv/a.pdf`]);
    expect((await storage.list('')).map((o) => o.key)).toEqual(['cv/a.pdf']);
  });

  it('encrypts every object with SSE AES256, multipart uploads included', async () => {
    await storage.put('cv/small.pdf', 'small');
    await storage.put('cv/large.bin', generatedStream(6 * 1024 * 1024).stream);
    for (const key of ['cv/small.pdf', 'cv/large.bin']) {
      const head = await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${folder}/${key}` }));
      expect(head.ServerSideEncryption).toBe('AES256');
    }
  });

  it('leaves no multipart upload behind when maxBytes cuts a large body off', async () => {
    const body = generatedStream(12 * 1024 * 1024);
    await expectAppError(storage.put('cv/huge.bin', body.stream, { maxBytes: 7 * 1024 * 1024 }), 'PAYLOAD_TOO_LARGE', 413);
    expect(await multipartUploadsUnder(`${folder}/`)).toEqual([]);
    expect(await bucketKeys(`${folder}/`)).toEqual([]);
  });

  it("passes the caller's own stream error through unchanged and leaves no multipart upload", async () => {
    await storage.put('cv/kept.bin', 'previous');
    const body = new PassThrough();
    const putting = storage.put('cv/kept.bin', body);
    body.write(randomBytes(6 * 1024 * 1024));
    setTimeout(() => body.destroy(new Error('client went away')), 200);
    const err = await putting.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(DependencyError);
    expect((err as Error).message).toBe('client went away');
    expect(await multipartUploadsUnder(`${folder}/`)).toEqual([]);
    expect((await readAll((await storage.get('cv/kept.bin')).body)).toString()).toBe('previous');
  });

  it('fails promptly with DependencyError when S3 cannot be reached', async () => {
    const unreachable = onMoto({ endpoint: `http://127.0.0.1:${await freePort()}` });
    try {
      for (const call of [() => unreachable.ping(), () => unreachable.head('a'), () => unreachable.get('a'), () => unreachable.put('a', 'x'), () => unreachable.list('')]) {
        const err = await expectAppError(call(), 'DEPENDENCY_UNAVAILABLE', 503);
        expect(err).toBeInstanceOf(DependencyError);
        // Under Jest the SDK wraps Node's error (another realm's Error), so match the message, not `code`.
        expect((err.cause as Error).message).toMatch(/ECONNREFUSED/);
        expectPromptAwsFailure(err, 3);
      }
    } finally {
      unreachable.destroy();
    }
  });
});

describe('S3Storage requests (aws-sdk-client-mock)', () => {
  // Mocking patches S3Client.prototype, so it must not be in place while the moto tests run.
  let s3: AwsClientStub<S3Client>;
  const kms = { serverSideEncryption: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/test' } as const;
  const inAws = (overrides: Partial<S3StorageOptions> = {}) => new S3Storage({ bucket: 'prod-bucket', region: 'eu-west-1', ...kms, ...overrides });

  beforeAll(() => {
    s3 = mockClient(S3Client);
  });

  afterEach(() => {
    s3.reset();
  });

  afterAll(() => {
    s3.restore();
  });

  it("puts with SSE-KMS and the configured key when serverSideEncryption is 'aws:kms'", async () => {
    s3.on(PutObjectCommand).resolves({});
    await inAws({ keyPrefix: 'tenant' }).put('cv/a.pdf', 'x', { contentType: 'application/pdf' });
    const puts = s3.commandCalls(PutObjectCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toMatchObject({
      Bucket: 'prod-bucket',
      Key: 'tenant/cv/a.pdf',
      ContentType: 'application/pdf',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kms.kmsKeyId,
    });
  });

  it('starts multipart uploads with SSE-KMS too', async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
    s3.on(UploadPartCommand).resolves({ ETag: '"etag"' });
    s3.on(CompleteMultipartUploadCommand).resolves({});
    await inAws().put('cv/big.bin', generatedStream(6 * 1024 * 1024).stream);
    expect(s3.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kms.kmsKeyId });
    expect(s3.commandCalls(UploadPartCommand)).toHaveLength(2);
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(1);
  });

  it('refuses kmsKeyId without aws:kms', () => {
    expect(() => inAws({ serverSideEncryption: 'AES256' })).toThrow(/kmsKeyId/);
  });

  it('deletes a prefix page by page, in batches of at most 1000', async () => {
    const keys = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ Key: `tenant/cv/${from + i}`, Size: 1 }));
    s3.on(ListObjectsV2Command)
      .resolvesOnce({ Contents: keys(0, 1000), IsTruncated: true, NextContinuationToken: 'page-2' })
      .resolvesOnce({ Contents: keys(1000, 5), IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({});

    await expect(inAws({ keyPrefix: 'tenant' }).deletePrefix('cv/')).resolves.toBe(1005);

    const lists = s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(lists).toEqual([expect.objectContaining({ Bucket: 'prod-bucket', Prefix: 'tenant/cv/', MaxKeys: 1000 }), expect.objectContaining({ Prefix: 'tenant/cv/', ContinuationToken: 'page-2' })]);
    const batches = s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects ?? []);
    expect(batches.map((b) => b.length)).toEqual([1000, 5]);
    expect(batches[1]).toEqual(keys(1000, 5).map(({ Key }) => ({ Key })));
  });

  it('reports objects S3 failed to delete as DependencyError', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'cv/a' }] });
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'cv/a', Code: 'InternalError', Message: 'try again' }] });
    await expectAppError(inAws().deletePrefix('cv/'), 'DEPENDENCY_UNAVAILABLE', 503);
  });

  it('maps 5xx answers to DependencyError and leaves 4xx answers as they are', async () => {
    const answer = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
    s3.on(GetObjectCommand).rejectsOnce(answer('SlowDown', 503)).rejectsOnce(answer('AccessDenied', 403)).rejectsOnce(answer('NoSuchKey', 404));
    const storage = inAws();
    await expectAppError(storage.get('cv/a'), 'DEPENDENCY_UNAVAILABLE', 503);
    await expect(storage.get('cv/a')).rejects.toMatchObject({ name: 'AccessDenied' });
    await expectAppError(storage.get('cv/a'), 'NOT_FOUND', 404);
  });
});
