import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { waitFor } from '../support/ports';
import { testEnv } from '../support/test-app';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';

// Redis restarted under a running API: readiness says 503 naming redis while it is away
// and 200 once it is back, a request needing a session meanwhile gets a prompt 503, and
// sessions made before the restart are still valid after it. The Redis is the test's own
// (with its append-only file, as a production Redis keeps one), never the shared one.
let redis: PrivateRedis;
let api: WatchedApi;

beforeAll(async () => {
  redis = await startPrivateRedis({ persistent: true });
  api = await startWatchedApi(testEnv({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '500', LOG_LEVEL: 'warn' }));
}, 90_000);

afterAll(async () => {
  await api?.kill();
  await redis?.close();
});

async function ready(): Promise<{ status: number; body: { failing?: string[]; error?: { code: string } } }> {
  const res = await fetch(`${api.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as { failing?: string[] } };
}

async function me(token: string) {
  const res = await fetch(`${api.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { user?: { email: string }; error?: { code: string; message: string } } };
}

it('readiness 503 naming redis while it is down, 200 after; sessions survive the restart', async () => {
  const email = `redis-restart-${Date.now()}@example.com`;
  const reg = await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  expect(reg.status).toBe(201);
  const { accessToken, refreshToken } = (await reg.json()) as { accessToken: string; refreshToken: string };
  expect((await ready()).status).toBe(200);

  await redis.stop();
  const down = await ready();
  expect(down.status).toBe(503);
  expect(down.body.failing).toEqual(['redis']);
  expect(down.body.error?.code).toBe('DEPENDENCY_UNAVAILABLE');
  const during = await me(accessToken);
  expect(during.status).toBe(503);
  expect(during.body.error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/session store/) });

  await redis.start();
  await waitFor(async () => (await ready()).status === 200, { what: 'readiness to recover after Redis came back', timeoutMs: 30_000 });
  const after = await me(accessToken);
  expect(after.status).toBe(200);
  expect(after.body.user?.email).toBe(email);
  const refreshed = await fetch(`${api.url}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  expect(refreshed.status).toBe(200);
}, 120_000);
