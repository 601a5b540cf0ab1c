import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startHttpFaultProxy, type HttpFaultProxy } from '../support/http-fault-proxy';
import { startMoto, type Moto } from '../support/moto';
import { testEnv } from '../support/test-app';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';
import { cvForm, uploadCv, waitForCvStatus } from './fault-steps';

// S3 failing (500 InternalError) under a running API, through a proxy in front of moto:
// the S3 client retries each request, and the product then fails clearly: an upload is
// refused with 503, and an extraction is retried by the queue until the CV is marked
// failed with a sentence saying what to do.
const BUCKET = 'r2w-fault-storage';
const ATTEMPTS_PER_REQUEST = 3; // S3Storage's maxAttempts
const MAX_RECEIVES = 3;
let moto: Moto;
let proxy: HttpFaultProxy;
let api: WatchedApi;

beforeAll(async () => {
  moto = await startMoto();
  const admin = new S3Client({ region: moto.region, endpoint: moto.endpoint, forcePathStyle: true, credentials: moto.credentials });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
  proxy = await startHttpFaultProxy(moto.endpoint);
  api = await startWatchedApi(
    testEnv({
      LOG_LEVEL: 'warn',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: moto.region,
      AWS_ENDPOINT_URL: proxy.endpoint,
      AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
      QUEUE_MAX_RECEIVES: String(MAX_RECEIVES),
    }),
  );
}, 90_000);

afterEach(() => proxy.failWhen(null));

afterAll(async () => {
  await api?.kill();
  await proxy?.close();
  await moto?.stop();
});

const objectRequests = (method: string, key: string) => proxy.seen.filter((r) => r.method === method && r.path === `/${BUCKET}/${key}`);

it('an upload while S3 fails its writes: retried, then 503 DEPENDENCY_UNAVAILABLE naming storage, and no CV is left behind', async () => {
  const reg = await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `storage-${Date.now()}@example.com`, password: 'correct horse battery' }),
  });
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  proxy.failWhen((r) => r.method === 'PUT' && r.path.startsWith(`/${BUCKET}/uploads/`));

  const res = await fetch(`${api.url}/api/v1/cvs`, { method: 'POST', headers: auth, body: cvForm() });
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/object storage/) });
  const puts = proxy.seen.filter((r) => r.method === 'PUT' && r.failed);
  expect(puts).toHaveLength(ATTEMPTS_PER_REQUEST);
  expect(new Set(puts.map((r) => r.path)).size).toBe(1);

  const list = (await (await fetch(`${api.url}/api/v1/cvs`, { headers: auth })).json()) as { cvs: unknown[] };
  expect(list.cvs).toEqual([]);
}, 60_000);

it('an extraction while S3 fails its reads: retried by the queue, then the CV is failed with a clear message', async () => {
  // Set before the upload, so no read of the file can go through: only writes do.
  proxy.failWhen((r) => r.method === 'GET' && r.path.startsWith(`/${BUCKET}/uploads/anon/`));
  const cv = await uploadCv(api.url);
  const key = `uploads/anon/${cv.id}/original.txt`;
  const failed = await waitForCvStatus(api.url, cv, ['ready', 'failed'], 90_000);
  expect(failed.status).toBe('failed');
  expect(failed.error).toEqual({ code: 'EXTRACTION_FAILED', message: 'We could not extract this CV after several attempts. Please try again later or upload it again.' });
  expect(objectRequests('GET', key).filter((r) => r.failed)).toHaveLength(MAX_RECEIVES * ATTEMPTS_PER_REQUEST);
}, 120_000);
