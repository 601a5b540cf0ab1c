import { randomUUID } from 'node:crypto';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { postgresUrlFor } from '../support/databases';
import { REDIS_URL } from '../support/services';
import { TEST_JWT_SECRET } from '../support/test-app';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Two API processes on one PostgreSQL database and one Redis behave as one service.
let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  const shared = {
    NODE_ENV: 'test',
    DATABASE_URL: postgresUrlFor(process.env.R2W_TEST_POSTGRES_DB!),
    REDIS_URL,
    REDIS_KEY_PREFIX: `r2w-test-${randomUUID()}:`,
    JWT_SECRET: TEST_JWT_SECRET,
    PASSWORD_SCRYPT_LOG2N: '14',
    LOG_LEVEL: 'warn',
  };
  [a, b] = await Promise.all([
    startApiProcess({ ...shared, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'r2w-a-')) }),
    startApiProcess({ ...shared, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'r2w-b-')) }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function call(server: ApiProcess, method: string, route: string, options: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

it('shares sessions: made on one, valid on the other; logout on one is seen by the other at once', async () => {
  const email = `two-${randomUUID()}@example.com`;
  const reg = await call(a, 'POST', '/api/v1/auth/register', { body: { email, password: 'correct horse battery' } });
  expect(reg.status).toBe(201);

  const meOnB = await call(b, 'GET', '/api/v1/auth/me', { token: reg.body.accessToken });
  expect(meOnB.status).toBe(200);
  expect(meOnB.body.user.email).toBe(email);

  const refreshed = await call(b, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: reg.body.refreshToken } });
  expect(refreshed.status).toBe(200);
  // Rotation on B is seen by A: the old refresh token is now a reuse.
  expect((await call(a, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: reg.body.refreshToken } })).status).toBe(401);

  const login = await call(a, 'POST', '/api/v1/auth/login', { body: { email, password: 'correct horse battery' } });
  expect((await call(b, 'GET', '/api/v1/auth/me', { token: login.body.accessToken })).status).toBe(200);
  expect((await call(b, 'POST', '/api/v1/auth/logout', { token: login.body.accessToken })).status).toBe(204);
  const after = await call(a, 'GET', '/api/v1/auth/me', { token: login.body.accessToken });
  expect(after.status).toBe(401);
  expect(after.body.error.code).toBe('SESSION_REVOKED');

  for (const server of [a, b]) {
    const ready = await call(server, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.redis.status).toBe('ok');
  }
});
