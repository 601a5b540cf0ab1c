import { KvsSitePointers } from '../../src/adapters/site-pointers/kvs-site-pointers';
import { AppError, DependencyError } from '@r2w/cv-schema';
import { startFakeKvs, type FakeKvs } from '../../../scripts/aws-local/fake-kvs';
import { freePort } from '../support/ports';

const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const target = (buildId: string) => ({ portfolioId: 'p-1', buildId });

describe('KvsSitePointers against a local KeyValueStore', () => {
  let kvs: FakeKvs;
  let pointers: KvsSitePointers;

  beforeAll(async () => {
    kvs = await startFakeKvs();
    pointers = new KvsSitePointers({ region: 'us-east-1', endpoint: kvs.endpoint, credentials: CREDENTIALS, kvsArn: kvs.arn, keyPrefix: 'staging' });
  });
  afterAll(async () => {
    pointers.destroy();
    await kvs.close();
  });
  beforeEach(() => {
    kvs.entries.clear();
    kvs.requests.length = 0;
    kvs.failWith = null;
    kvs.beforeWrite = null;
  });

  it('points a slug at the S3 prefix of its build, signed with SigV4A at the current version', async () => {
    await pointers.set('jane-doe', target('b-1'));
    expect([...kvs.entries]).toEqual([['jane-doe', 'staging/sites/p-1/b-1/']]);
    expect(kvs.requests.map((r) => r.operation)).toEqual(['DescribeKeyValueStore', 'PutKey']);
    expect(kvs.requests[1]).toMatchObject({ key: 'jane-doe', ifMatch: expect.stringMatching(/^KV\d+$/) });
    for (const request of kvs.requests) expect(request).toMatchObject({ algorithm: 'AWS4-ECDSA-P256-SHA256', regionSet: '*' });
  });

  it('overwrites a slug with a newer build', async () => {
    await pointers.set('jane-doe', target('b-1'));
    await pointers.set('jane-doe', target('b-2'));
    expect([...kvs.entries]).toEqual([['jane-doe', 'staging/sites/p-1/b-2/']]);
  });

  it('removes a slug, and removing an absent slug succeeds', async () => {
    await pointers.set('jane-doe', target('b-1'));
    await pointers.set('other', target('b-9'));
    await pointers.remove('jane-doe');
    expect([...kvs.entries.keys()]).toEqual(['other']);
    kvs.requests.length = 0;
    await expect(pointers.remove('never-published')).resolves.toBeUndefined();
    expect(kvs.requests.map((r) => r.operation)).toEqual(['DescribeKeyValueStore', 'DeleteKey']);
  });

  it('reads the version again and retries once when another writer got in between', async () => {
    kvs.beforeWrite = () => {
      kvs.beforeWrite = null;
      kvs.writeElsewhere('someone-else', 'sites/p-2/b-2/');
    };
    await pointers.set('jane-doe', target('b-1'));
    expect(kvs.entries.get('jane-doe')).toBe('staging/sites/p-1/b-1/');
    expect(kvs.entries.get('someone-else')).toBe('sites/p-2/b-2/');
    expect(kvs.requests.map((r) => r.operation)).toEqual(['DescribeKeyValueStore', 'PutKey', 'DescribeKeyValueStore', 'PutKey']);
  });

  it('gives up with a DependencyError when the store keeps changing under it', async () => {
    let n = 0;
    kvs.beforeWrite = () => kvs.writeElsewhere(`busy-${(n += 1)}`, 'x/');
    const error = await pointers.remove('jane-doe').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    expect(kvs.requests.filter((r) => r.operation === 'DeleteKey')).toHaveLength(2);
  });

  it('reports an answering store as ready and a failing one as not', async () => {
    await expect(pointers.check()).resolves.toBeUndefined();
    kvs.failWith = { status: 500, type: 'InternalServerException' };
    await expect(pointers.check()).rejects.toBeInstanceOf(DependencyError);
  });

  it('turns a 5xx into a DependencyError (503) and a refusal into an internal error', async () => {
    kvs.failWith = { status: 500, type: 'InternalServerException' };
    await expect(pointers.set('jane-doe', target('b-1'))).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', status: 503 });
    kvs.failWith = { status: 403, type: 'AccessDeniedException' };
    const refused = await pointers.set('jane-doe', target('b-1')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).not.toBeInstanceOf(DependencyError);
    expect(refused).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('AccessDeniedException') });
    expect(kvs.entries.size).toBe(0);
  });

  it('fails with a DependencyError when nothing listens at the endpoint', async () => {
    const nowhere = new KvsSitePointers({ region: 'us-east-1', endpoint: `http://127.0.0.1:${await freePort()}`, credentials: CREDENTIALS, kvsArn: kvs.arn });
    try {
      await expect(nowhere.set('jane-doe', target('b-1'))).rejects.toBeInstanceOf(DependencyError);
      await expect(nowhere.remove('jane-doe')).rejects.toBeInstanceOf(DependencyError);
    } finally {
      nowhere.destroy();
    }
  });
});
