import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ipKeyGenerator } from 'express-rate-limit';
import Redis from 'ioredis';
import request from 'supertest';
import { loadConfig } from '../../src/config/env';
import { startExtractionWorker } from '../../src/worker/start-extraction-worker';
import { bearer, PASSWORD, registerAccount, uniqueEmail, type Account } from '../support/accounts';
import { createSamplePortfolio, importSampleCv } from '../support/portfolio-steps';
import { waitFor } from '../support/ports';
import { startTcpProxy } from '../support/tcp-proxy';
import { createTestApp, REDIS_URL, testEnv, type TestApp } from '../support/test-app';

// Rate limits (express-rate-limit, in memory or in Redis) and the per-owner quotas on work
// in progress. Each app sets the limits it tests; the others stay at test-app.ts's
// generous values. Clients are told apart by X-Forwarded-For behind TRUST_PROXY=1.

const TEXT_CV = Buffer.from('Jane Doe\nSoftware Engineer\njane@example.com\n\nEXPERIENCE\nAcme Corp — Engineer, 2019 – Present\n• Built things\n');

function from(ip: string): [string, string] {
  return ['X-Forwarded-For', ip];
}

function login(t: TestApp, ip: string, email: string, password = 'wrong password entirely') {
  return request(t.app)
    .post('/api/v1/auth/login')
    .set(...from(ip))
    .send({ email, password });
}

function upload(t: TestApp, ip: string, token?: string) {
  const req = request(t.app)
    .post('/api/v1/cvs')
    .set(...from(ip));
  if (token) req.set(...bearer(token));
  return req.attach('file', TEXT_CV, 'cv.txt');
}

async function counted(t: TestApp, metric: 'rateLimited' | 'rateLimitStoreErrors', limit: string): Promise<number> {
  const { values } = await t.container.metrics[metric].get();
  return values.find((v) => v.labels.limit === limit)?.value ?? 0;
}

function expectRateLimited(res: request.Response, windowSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body.error).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

async function storedUploads(t: TestApp): Promise<number> {
  return (await t.container.storage.list('uploads/')).length;
}

describe('configuration', () => {
  it('reads each limit as <requests>/<window> and refuses anything else', () => {
    const config = loadConfig(testEnv({ RATE_LIMIT_REGISTER: '5/30s', RATE_LIMIT_BUILD: '2/1d' }));
    expect(config.rateLimits.register).toEqual({ limit: 5, windowMs: 30_000 });
    expect(config.rateLimits.build).toEqual({ limit: 2, windowMs: 86_400_000 });
    expect(() => loadConfig(testEnv({ RATE_LIMIT_LOGIN_PER_IP: '0/15m', RATE_LIMIT_IMPORT: '10 per hour', MAX_ACTIVE_BUILDS_PER_USER: '0' }))).toThrow(
      /RATE_LIMIT_LOGIN_PER_IP: must look like 10\/15m[^]*RATE_LIMIT_IMPORT: must look like[^]*MAX_ACTIVE_BUILDS_PER_USER/,
    );
  });

  it('has defaults that slow abuse and leave people alone', () => {
    const config = loadConfig({ DATA_DIR: process.env.R2W_TEST_DIR, WEB_DIR: 'none' });
    expect(config.rateLimits.loginPerAccount).toEqual({ limit: 10, windowMs: 15 * 60_000 });
    expect(config.rateLimits.loginPerIp).toEqual({ limit: 100, windowMs: 15 * 60_000 });
    expect(config.rateLimits.uploadAnonymous).toEqual({ limit: 10, windowMs: 3_600_000 });
    expect(config.quotas).toEqual({ activeBuildsPerUser: 2, pendingExtractionsPerOwner: 3 });
  });
});

describe('sign-in, sign-up and refresh limits (memory store)', () => {
  let t: TestApp;
  let victim: Account;

  beforeAll(async () => {
    t = createTestApp({
      TRUST_PROXY: '1',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '3/15m',
      RATE_LIMIT_LOGIN_PER_IP: '6/15m',
      RATE_LIMIT_REGISTER: '2/1h',
      RATE_LIMIT_REFRESH: '1/15m',
    });
    victim = await registerAccount(t.app);
  });
  afterAll(() => t.close());

  it('slows password guessing per address and e-mail without locking the owner out elsewhere', async () => {
    const attacker = '203.0.113.1';
    for (let i = 0; i < 3; i++) expect((await login(t, attacker, victim.email)).status).toBe(401);
    const refused = await login(t, attacker, victim.email);
    expectRateLimited(refused, 15 * 60);
    expect(refused.body.error.message).toMatch(/failed sign-in attempts for this e-mail address/);
    // Even the right password is refused from there for now...
    expect((await login(t, attacker, victim.email, PASSWORD)).status).toBe(429);
    // ...but its owner signs in from their own network.
    expect((await login(t, '198.51.100.7', victim.email, PASSWORD)).status).toBe(200);

    // Another address from the attacker's network is held only by the per-network limit
    // (6, of which 5 are used).
    expect((await login(t, attacker, uniqueEmail('other'))).status).toBe(401);
    const perIp = await login(t, attacker, uniqueEmail('another'));
    expectRateLimited(perIp, 15 * 60);
    expect(perIp.body.error.message).toMatch(/sign-in attempts from your network/);

    expect(await counted(t, 'rateLimited', 'login_per_account')).toBe(2);
    expect(await counted(t, 'rateLimited', 'login_per_ip')).toBe(1);
    const logged = t.logs.filter((line) => line.message === 'rate limited');
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({ level: 'warn', limit: 'login_per_account', client: expect.any(String), requestId: expect.any(String) });
    // The logs never name the e-mail address under attack.
    expect(JSON.stringify(t.logs)).not.toContain(victim.email);
  });

  it('counts IPv6 clients by /64, and a reset through the store lets the client in again', async () => {
    const register = (ip: string) =>
      request(t.app)
        .post('/api/v1/auth/register')
        .set(...from(ip))
        .send({ email: uniqueEmail('v6'), password: PASSWORD });
    expect((await register('2001:db8:1:2::a')).status).toBe(201);
    expect((await register('2001:db8:1:2::b')).status).toBe(201);
    expectRateLimited(await register('2001:db8:1:2:ffff::1'), 3600);
    expect((await register('2001:db8:1:3::1')).status).toBe(201);

    await t.container.rateLimits.reset('register', ipKeyGenerator('2001:db8:1:2::a', 64));
    expect((await register('2001:db8:1:2::c')).status).toBe(201);
  });

  it('limits session refreshes per network', async () => {
    expect(
      (
        await request(t.app)
          .post('/api/v1/auth/refresh')
          .set(...from('192.0.2.50'))
          .send({ refreshToken: 'not-a-token' })
      ).status,
    ).toBe(401);
    expectRateLimited(
      await request(t.app)
        .post('/api/v1/auth/refresh')
        .set(...from('192.0.2.50'))
        .send({ refreshToken: 'not-a-token' }),
      15 * 60,
    );
  });
});

describe('upload, import and build limits (memory store)', () => {
  let t: TestApp;
  let user: Account;

  beforeAll(async () => {
    t = createTestApp({ TRUST_PROXY: '1', RATE_LIMIT_UPLOAD_ANONYMOUS: '2/1h', RATE_LIMIT_UPLOAD_USER: '3/1h', RATE_LIMIT_IMPORT: '1/1h', RATE_LIMIT_BUILD: '1/1h' });
    user = await registerAccount(t.app);
  });
  afterAll(() => t.close());

  it('refuses anonymous uploads over the limit before storing anything', async () => {
    expect((await upload(t, '203.0.113.20')).status).toBe(202);
    expect((await upload(t, '203.0.113.20')).status).toBe(202);
    const rows = await t.container.db.cv.count();
    const files = await storedUploads(t);

    const refused = await upload(t, '203.0.113.20');
    expectRateLimited(refused, 3600);
    expect(refused.body.error.message).toMatch(/without an account; sign in/);
    expect(await t.container.db.cv.count()).toBe(rows);
    expect(await storedUploads(t)).toBe(files);
    expect(await counted(t, 'rateLimited', 'upload_anonymous')).toBe(1);
  });

  it('counts a signed-in user apart from anonymous uploads from the same network', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(t, '203.0.113.20', user.accessToken)).status).toBe(202);
    expectRateLimited(await upload(t, '203.0.113.21', user.accessToken), 3600);
    // Anonymous uploads from elsewhere are not held by the user's count.
    expect((await upload(t, '203.0.113.21')).status).toBe(202);
    expect(await counted(t, 'rateLimited', 'upload_user')).toBe(1);
  });

  it('limits JSON Resume imports and build starts per user', async () => {
    expect(await importSampleCv(t.app, user)).toEqual(expect.any(String));
    expectRateLimited(
      await request(t.app)
        .post('/api/v1/cvs/import')
        .set(...bearer(user.accessToken))
        .send({ basics: { name: 'A' } }),
      3600,
    );

    const missing = `/api/v1/portfolios/${randomUUID()}/builds`;
    expect(
      (
        await request(t.app)
          .post(missing)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(404);
    expectRateLimited(
      await request(t.app)
        .post(missing)
        .set(...bearer(user.accessToken)),
      3600,
    );
    // Another user has their own allowance.
    const other = await registerAccount(t.app);
    expect(
      (
        await request(t.app)
          .post(missing)
          .set(...bearer(other.accessToken))
      ).status,
    ).toBe(404);
  });
});

describe('CVs waiting for extraction, per owner', () => {
  let t: TestApp;

  beforeAll(() => {
    t = createTestApp({ TRUST_PROXY: '1', MAX_PENDING_EXTRACTIONS: '2' });
  });
  afterAll(() => t.close());

  it('refuses a third pending CV per client until one has been extracted', async () => {
    const user = await registerAccount(t.app);
    const accepted: string[] = [];
    const accept = async (res: request.Response) => {
      expect(res.status).toBe(202);
      accepted.push(res.body.cv.id);
    };
    const first = await upload(t, '203.0.113.30');
    await accept(first);
    await accept(await upload(t, '203.0.113.30'));
    const rows = await t.container.db.cv.count();
    const files = await storedUploads(t);

    const refused = await upload(t, '203.0.113.30');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/2 of your CVs are still waiting/) });
    expect(refused.headers['retry-after']).toBe('5');
    expect(await t.container.db.cv.count()).toBe(rows);
    expect(await storedUploads(t)).toBe(files);
    // The row holds a keyed hash of the uploader's network, never the address.
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: first.body.cv.id } });
    expect(row.uploaderHash).toEqual(expect.any(String));
    expect(row.uploaderHash).not.toContain('203.0.113');

    // Other clients and signed-in users have their own caps.
    await accept(await upload(t, '203.0.113.31'));
    await accept(await upload(t, '203.0.113.30', user.accessToken));
    await accept(await upload(t, '203.0.113.30', user.accessToken));
    expect((await upload(t, '203.0.113.30', user.accessToken)).status).toBe(429);
    expect(await counted(t, 'rateLimited', 'pending_extractions')).toBe(2);

    // Once the worker has read them, the client may upload again.
    const worker = startExtractionWorker(t.container, { waitSeconds: 0.2 });
    try {
      await waitFor(async () => (await t.container.db.cv.count({ where: { id: { in: accepted }, status: { in: ['queued', 'extracting'] } } })) === 0, {
        what: 'the extractions',
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    } finally {
      await worker.stop();
    }
    expect((await upload(t, '203.0.113.30')).status).toBe(202);
    expect((await upload(t, '203.0.113.30', user.accessToken)).status).toBe(202);
  }, 120_000);
});

describe('builds in progress, per user', () => {
  let t: TestApp;
  let release: string;

  beforeAll(() => {
    release = path.join(process.env.R2W_TEST_DIR!, `release-builds-${randomUUID()}`);
    t = createTestApp({
      MAX_ACTIVE_BUILDS_PER_USER: '2',
      // A builder gets the storage settings and nothing else from the API's environment.
      TASK_COMMAND: `env BUILDER_RELEASE_FILE=${release} node --import tsx backend/test/support/held-builder.ts`,
    });
  });
  afterAll(() => t.close());

  it('refuses a third build while two are in progress, and allows it once they finish', async () => {
    const user = await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, user);
    const build = () =>
      request(t.app)
        .post(`/api/v1/portfolios/${portfolioId}/builds`)
        .set(...bearer(user.accessToken));
    const builds = (id = portfolioId) => t.container.db.build.findMany({ where: { portfolioId: id } });

    const started = [await build(), await build()];
    for (const res of started) expect(res.status).toBe(202);
    const refused = await build();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/A build is already running/) });
    // The refused build leaves no row and started no builder.
    expect(await builds()).toHaveLength(2);
    expect(await counted(t, 'rateLimited', 'active_builds')).toBe(1);
    // Another user is not held by this one's builds.
    const other = await registerAccount(t.app);
    const otherPortfolio = await createSamplePortfolio(t.app, other);
    expect(
      (
        await request(t.app)
          .post(`/api/v1/portfolios/${otherPortfolio}/builds`)
          .set(...bearer(other.accessToken))
      ).status,
    ).toBe(202);

    writeFileSync(release, '');
    await waitFor(async () => (await builds()).every((b) => b.status === 'succeeded'), { what: 'the held builds', timeoutMs: 60_000, intervalMs: 200 });
    const again = await build();
    expect(again.status).toBe(202);
    // Finished before the app closes, so no builder outlives it.
    await waitFor(async () => [...(await builds()), ...(await builds(otherPortfolio))].every((b) => b.status === 'succeeded'), { what: 'the last builds', timeoutMs: 60_000, intervalMs: 200 });
  }, 150_000);

  it('does not count builds whose task never started (an API that stopped in between) once they are a minute old', async () => {
    const user = await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, user);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    for (let i = 0; i < 2; i++) {
      await t.container.db.build.create({ data: { id: randomUUID(), portfolioId, templateId: 'modern', status: 'queued', createdAt: longAgo, updatedAt: longAgo } });
    }
    const res = await request(t.app)
      .post(`/api/v1/portfolios/${portfolioId}/builds`)
      .set(...bearer(user.accessToken));
    expect(res.status).toBe(202);
    const orphans = await t.container.db.build.findMany({ where: { portfolioId, taskId: null } });
    expect(orphans.map((b) => [b.status, b.errorCode])).toEqual([
      ['failed', 'BUILDER_DIED'],
      ['failed', 'BUILDER_DIED'],
    ]);
    writeFileSync(release, '');
    await waitFor(async () => (await t.container.db.build.findUniqueOrThrow({ where: { id: res.body.build.id } })).status === 'succeeded', { what: 'the build', timeoutMs: 60_000, intervalMs: 200 });
  }, 120_000);
});

describe('limits counted in Redis', () => {
  const prefix = `r2w-test-rate-${randomUUID()}:`;
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;

  beforeAll(() => {
    // Two replicas sharing one Redis and one key prefix, as in production.
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_ACCOUNT: '2/15m' };
    a = createTestApp(env);
    b = createTestApp({ ...env, DATABASE_URL: a.config.database.url, DATA_DIR: a.config.dataDir });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it('shares the count between API instances, with an expiry, and resets through the store', async () => {
    const email = uniqueEmail('shared');
    expect((await login(a, '203.0.113.40', email)).status).toBe(401);
    expect((await login(b, '203.0.113.40', email)).status).toBe(401);
    expectRateLimited(await login(a, '203.0.113.40', email), 15 * 60);
    expectRateLimited(await login(b, '203.0.113.40', email), 15 * 60);

    const keys = await redis.keys(`${prefix}rate:login_per_account:*`);
    expect(keys).toHaveLength(1);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(keys[0]).not.toContain(email);

    await a.container.rateLimits.reset('loginPerAccount', keys[0]!.slice(`${prefix}rate:login_per_account:`.length));
    expect((await login(b, '203.0.113.40', email)).status).toBe(401);
  });
});

describe('when Redis does not answer', () => {
  let t: TestApp;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

  beforeAll(async () => {
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    // Down from the start: the limiters cannot even load their script.
    await proxy.cut();
    t = createTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, REDIS_COMMAND_TIMEOUT_MS: '300', TRUST_PROXY: '1', RATE_LIMIT_UPLOAD_ANONYMOUS: '1/1h' });
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });

  it('lets requests through uncounted (logged and counted), and limits again once Redis is back', async () => {
    expect((await upload(t, '203.0.113.50')).status).toBe(202);
    expect((await upload(t, '203.0.113.50')).status).toBe(202);
    expect(await counted(t, 'rateLimitStoreErrors', 'upload_anonymous')).toBe(2);
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'rate limit not applied: its store does not answer', limit: 'upload_anonymous' }));
    // What needs sessions still says the session store is down (503), not 500.
    const register = await request(t.app)
      .post('/api/v1/auth/register')
      .set(...from('203.0.113.50'))
      .send({ email: uniqueEmail(), password: PASSWORD });
    expect(register.status).toBe(503);

    await proxy.restore();
    await waitFor(async () => (await upload(t, '203.0.113.51')).status === 429, { what: 'the upload limit to apply again', timeoutMs: 20_000, intervalMs: 100 });
  });
});
