import { adminPostgresUrl, postgresUrlFor } from '../support/databases';
import { waitFor } from '../support/ports';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { testEnv } from '../support/test-app';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';

// PostgreSQL restarted under a running API. The shared PostgreSQL is never touched: the
// API reaches it through a TCP proxy that drops every connection and refuses new ones for
// a while, which is what a restart looks like from the client.
let proxy: TcpProxy;
let api: WatchedApi;

beforeAll(async () => {
  const admin = new URL(adminPostgresUrl);
  proxy = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
  const url = new URL(postgresUrlFor(process.env.R2W_TEST_POSTGRES_DB!));
  url.host = `127.0.0.1:${proxy.port}`;
  api = await startWatchedApi(testEnv({ DATABASE_URL: url.toString(), DB_CONNECT_TIMEOUT_SECONDS: '2', LOG_LEVEL: 'warn' }));
}, 90_000);

afterAll(async () => {
  await api?.kill();
  await proxy?.close();
});

async function call(method: string, route: string, body?: unknown) {
  const res = await fetch(`${api.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { failing?: string[]; error?: { code: string; message: string } } };
}

it('readiness 503 naming the database and requests 503 while it is away; both recover without restarting the API', async () => {
  const account = { email: `pg-restart-${Date.now()}@example.com`, password: 'correct horse battery' };
  expect((await call('POST', '/api/v1/auth/register', account)).status).toBe(201);
  expect((await call('GET', '/health/ready')).status).toBe(200);

  await proxy.cut();
  const down = await call('GET', '/health/ready');
  expect(down.status).toBe(503);
  expect(down.body.failing).toEqual(['database']);
  const during = await call('POST', '/api/v1/auth/login', account);
  expect(during.status).toBe(503);
  expect(during.body.error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/database/) });

  await proxy.restore();
  await waitFor(async () => (await call('GET', '/health/ready')).status === 200, { what: 'readiness to recover after the database came back', timeoutMs: 30_000 });
  expect((await call('POST', '/api/v1/auth/login', account)).status).toBe(200);
  expect(proxy.accepted()).toBeGreaterThan(1);
}, 120_000);
