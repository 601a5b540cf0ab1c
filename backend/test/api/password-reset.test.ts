import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, PASSWORD, registerAccount, uniqueEmail } from '../support/accounts';
import { waitFor } from '../support/ports';

const NEW_PASSWORD = 'a brand new passphrase';

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ APP_BASE_URL: 'https://app.example.test' });
});
afterAll(() => t.close());

function outboxDir(app: TestApp): string {
  if (app.config.mail.driver !== 'outbox') throw new Error('the test app sends mail to the outbox');
  return app.config.mail.dir;
}

async function outboxMessages(app: TestApp): Promise<string[]> {
  const files = (await readdir(outboxDir(app)).catch(() => [])).filter((name) => name.endsWith('.eml'));
  return Promise.all(files.map((name) => readFile(path.join(outboxDir(app), name), 'utf8')));
}

/** The reset mail sent to `email` (mail leaves after the answer, so this waits for it). */
async function mailTo(app: TestApp, email: string, count = 1): Promise<string[]> {
  let found: string[] = [];
  await waitFor(
    async () => {
      found = (await outboxMessages(app)).filter((message) => message.includes(`\r\nTo: ${email}\r\n`));
      return found.length >= count;
    },
    { what: `${count} mail(s) to ${email}`, intervalMs: 25 },
  );
  return found;
}

const tokenIn = (message: string) => /\/reset-password#token=([\w-]+)/.exec(message)![1]!;

async function requestReset(app: TestApp, email: string) {
  return request(app.app).post('/api/v1/auth/password-reset/request').send({ email });
}

async function linkFor(app: TestApp, email: string, count = 1): Promise<string> {
  expect((await requestReset(app, email)).status).toBe(202);
  return tokenIn((await mailTo(app, email, count)).at(-1)!);
}

const events = async (app: TestApp) => Object.fromEntries((await app.container.metrics.passwordResets.get()).values.map((v) => [v.labels.event, v.value]));

describe('asking for a reset link', () => {
  it('answers the same for an unknown address and sends mail only to an account', async () => {
    const account = await registerAccount(t.app);
    const before = await events(t);
    const unknown = await requestReset(t, uniqueEmail('nobody'));
    const known = await requestReset(t, account.email.toUpperCase());
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.body.message).toMatch(/If an account uses this address/);

    const [message] = await mailTo(t, account.email);
    expect(message).toMatch(/^From: Resume2Website <no-reply@localhost>\r\n/);
    expect(message).toContain('Subject: Reset your Resume2Website password');
    expect(message).toMatch(/https:\/\/app\.example\.test\/reset-password#token=[\w-]{43}/);
    const after = await events(t);
    expect((after.requested_unknown_email ?? 0) - (before.requested_unknown_email ?? 0)).toBe(1);
    expect((after.requested ?? 0) - (before.requested ?? 0)).toBe(1);
    expect(await t.container.metrics.mailMessages.get()).toMatchObject({ values: expect.arrayContaining([expect.objectContaining({ labels: { driver: 'outbox', outcome: 'sent' } })]) });
  });

  it('stores only a hash of the token, and logs the link only from the local outbox', async () => {
    const account = await registerAccount(t.app);
    const token = await linkFor(t, account.email);
    const rows = await t.container.db.passwordResetToken.findMany({ where: { userId: account.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeCloseTo(60 * 60_000, -4);
    const carrying = t.logs.filter((line) => JSON.stringify(line).includes(token));
    expect(carrying.map((line) => line.message)).toEqual(['mail written to the local outbox']);
  });

  it.each([[{}], [{ email: 'not-an-address' }], [{ email: 42 }]])('refuses %j with 400', async (body) => {
    const res = await request(t.app).post('/api/v1/auth/password-reset/request').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('email');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await request(t.app).post('/api/v1/auth/password-reset/request').set('Content-Type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });
});

describe('setting a new password with the link', () => {
  it('sets the password, ends every other session and signs in', async () => {
    const account = await registerAccount(t.app);
    const token = await linkFor(t, account.email);
    const res = await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(account.email);
    expect(res.headers['set-cookie']?.[0]).toMatch(/^r2w_refresh=/);

    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(account.accessToken))
      ).status,
    ).toBe(401);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken })).status).toBe(401);
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(res.body.accessToken))
      ).status,
    ).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD })).status).toBe(401);
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('works once', async () => {
    const account = await registerAccount(t.app);
    const token = await linkFor(t, account.email);
    expect((await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: NEW_PASSWORD })).status).toBe(200);
    const before = await events(t);
    const again = await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: 'yet another passphrase' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_TOKEN_INVALID');
    expect((await events(t)).refused_used).toBe((before.refused_used ?? 0) + 1);
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('ends the account’s other links when one is used', async () => {
    const account = await registerAccount(t.app);
    const first = await linkFor(t, account.email, 1);
    const second = await linkFor(t, account.email, 2);
    expect((await request(t.app).post('/api/v1/auth/password-reset').send({ token: second, password: NEW_PASSWORD })).status).toBe(200);
    const res = await request(t.app).post('/api/v1/auth/password-reset').send({ token: first, password: 'yet another passphrase' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_TOKEN_INVALID');
  });

  it('refuses an expired link', async () => {
    const account = await registerAccount(t.app);
    const token = await linkFor(t, account.email);
    await t.container.db.passwordResetToken.updateMany({ where: { userId: account.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await events(t);
    const res = await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_TOKEN_INVALID');
    expect((await events(t)).refused_expired).toBe((before.refused_expired ?? 0) + 1);
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a token that was never issued', async () => {
    const res = await request(t.app)
      .post('/api/v1/auth/password-reset')
      .send({ token: 'A'.repeat(43), password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_TOKEN_INVALID');
  });

  it('refuses a weak password and leaves the link usable', async () => {
    const account = await registerAccount(t.app);
    const token = await linkFor(t, account.email);
    const weak = await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('VALIDATION_FAILED');
    expect(weak.body.error.details.map((d: { path: string }) => d.path)).toEqual(['password']);
    expect((await request(t.app).post('/api/v1/auth/password-reset').send({ token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it.each([
    [{ password: NEW_PASSWORD }, 'token'],
    [{ token: 'has spaces and is long enough', password: NEW_PASSWORD }, 'token'],
    [{ token: 'A'.repeat(43) }, 'password'],
    [{ token: 'A'.repeat(43), password: 12345678901 }, 'password'],
    [{ token: 'A'.repeat(43), password: 'x'.repeat(201) }, 'password'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await request(t.app).post('/api/v1/auth/password-reset').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('refuses a JSON string body', async () => {
    const res = await request(t.app).post('/api/v1/auth/password-reset').set('Content-Type', 'application/json').send('"token"');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/VALIDATION_FAILED|MALFORMED_JSON/);
  });
});

describe('limits and failures', () => {
  it('limits the links asked for one address, wherever from', async () => {
    const limited = createTestApp({ RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: '2/1h' });
    try {
      const email = uniqueEmail('limited');
      expect((await requestReset(limited, email)).status).toBe(202);
      expect((await requestReset(limited, email)).status).toBe(202);
      const refused = await requestReset(limited, email.toUpperCase());
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await requestReset(limited, uniqueEmail('other'))).status).toBe(202);
    } finally {
      await limited.close();
    }
  });

  it('answers the same when the mail cannot be sent, and counts and logs the failure', async () => {
    const failing = createTestApp({}, (config) => {
      if (config.mail.driver !== 'outbox') throw new Error('expected the outbox');
      // A folder that cannot be made: its parent is a file.
      config.mail.dir = path.join(config.dataDir, 'not-a-folder', 'outbox');
    });
    try {
      await writeFile(path.join(failing.config.dataDir, 'not-a-folder'), '');
      const account = await registerAccount(failing.app);
      expect((await requestReset(failing, account.email)).status).toBe(202);
      await waitFor(async () => (await failing.container.metrics.mailMessages.get()).values.some((v) => v.labels.outcome === 'failed' && v.value === 1), { what: 'the failed send', intervalMs: 25 });
      expect(failing.logs.find((line) => line.message === 'password reset mail not sent')).toMatchObject({ level: 'error', userId: account.userId, driver: 'outbox' });
    } finally {
      await failing.close();
    }
  });
});
