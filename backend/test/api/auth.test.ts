import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, PASSWORD, registerAccount, uniqueEmail } from '../support/accounts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe('register', () => {
  it('creates an account, normalises the e-mail and returns a session without secrets', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: 'Ada Lovelace' });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: 'Ada Lovelace', plan: 'free', createdAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
    expect(res.body.expiresIn).toBe(900);
    expect(res.body.refreshToken).toMatch(/^[\w-]+\.[\w-]{20,}$/);
    expect(res.headers['set-cookie']?.[0]).toMatch(/^r2w_refresh=.+; Max-Age=604800; Path=\/api\/v1\/auth; Expires=.+; HttpOnly; SameSite=Lax$/);

    const stored = await t.container.db.user.findUnique({ where: { email: email.toLowerCase() } });
    expect(stored?.passwordHash).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
  });

  it('refuses a duplicate e-mail with 409 and keeps the first account', async () => {
    const account = await registerAccount(t.app);
    const res = await request(t.app).post('/api/v1/auth/register').send({ email: account.email.toUpperCase(), password: 'another password 123' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });

  it.each([
    [{ password: PASSWORD }, 'email'],
    [{ email: 'not-an-email', password: PASSWORD }, 'email'],
    [{ email: uniqueEmail() }, 'password'],
    [{ email: uniqueEmail(), password: 'short' }, 'password'],
    [{ email: uniqueEmail(), password: 12345678901 }, 'password'],
    [{ email: uniqueEmail(), password: PASSWORD, name: '' }, 'name'],
  ])('refuses %j with 400 naming %s', async (body, path) => {
    const res = await request(t.app).post('/api/v1/auth/register').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a JSON array or string body with 400', async () => {
    const res = await request(t.app).post('/api/v1/auth/register').set('Content-Type', 'application/json').send('"hello"');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/VALIDATION_FAILED|MALFORMED_JSON/);
  });
});

describe('login', () => {
  it('signs in with the right password', async () => {
    const account = await registerAccount(t.app);
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(account.email);
    const me = await request(t.app)
      .get('/api/v1/auth/me')
      .set(...bearer(res.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(account.userId);
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const account = await registerAccount(t.app);
    const wrong = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: 'wrong password 123' });
    const unknown = await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('nobody'), password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('refresh', () => {
  it('rotates: the new pair works and the old refresh token no longer does', async () => {
    const account = await registerAccount(t.app);
    const first = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(account.refreshToken);
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(first.body.accessToken))
      ).status,
    ).toBe(200);

    const second = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
  });

  it('revokes the whole session when an old refresh token is reused', async () => {
    const account = await registerAccount(t.app);
    const rotated = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken });
    expect(rotated.status).toBe(200);

    const reuse = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('SESSION_REVOKED');
    // The thief's reuse also ends the legitimate holder's newer tokens.
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken })).status).toBe(401);
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(rotated.body.accessToken))
      ).status,
    ).toBe(401);
  });

  it('refuses a refresh token never issued for the session, and the session lives on', async () => {
    const account = await registerAccount(t.app);
    const sessionId = account.refreshToken.split('.')[0]!;
    const real = account.refreshToken.split('.')[1]!;
    // The real secret with its last character changed (to one it is not).
    const nearMiss = `${real.slice(0, -1)}${real.endsWith('Q') ? 'R' : 'Q'}`;
    for (const secret of ['A'.repeat(43), 'x'.repeat(20), nearMiss]) {
      const forged = await request(t.app)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: `${sessionId}.${secret}` });
      expect(forged.status).toBe(401);
      expect(forged.body.error.code).toBe('INVALID_TOKEN');
    }
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(account.accessToken))
      ).status,
    ).toBe(200);
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken })).status).toBe(200);
  });

  it('accepts the refresh token from the httpOnly cookie', async () => {
    const agent = request.agent(t.app);
    const reg = await agent.post('/api/v1/auth/register').send({ email: uniqueEmail(), password: PASSWORD });
    expect(reg.status).toBe(201);
    const res = await agent.post('/api/v1/auth/refresh').send();
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(reg.body.user.id);
  });

  it.each([[{}], [{ refreshToken: 'garbage' }], [{ refreshToken: `${'a'.repeat(36)}.${'b'.repeat(43)}` }]])('refuses %j with 401', async (body) => {
    const res = await request(t.app).post('/api/v1/auth/refresh').send(body);
    expect(res.status).toBe(401);
    expect(['INVALID_TOKEN', 'SESSION_REVOKED']).toContain(res.body.error.code);
  });
});

describe('logout and account deletion', () => {
  it('logout revokes the session: its access and refresh tokens stop working', async () => {
    const account = await registerAccount(t.app);
    const other = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    const out = await request(t.app)
      .post('/api/v1/auth/logout')
      .set(...bearer(account.accessToken));
    expect(out.status).toBe(204);
    const me = await request(t.app)
      .get('/api/v1/auth/me')
      .set(...bearer(account.accessToken));
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('SESSION_REVOKED');
    expect((await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken })).status).toBe(401);
    // Another device's session is untouched.
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(other.body.accessToken))
      ).status,
    ).toBe(200);
  });

  it('deleting the account removes the user and every session', async () => {
    const account = await registerAccount(t.app);
    const other = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    const del = await request(t.app)
      .delete('/api/v1/auth/me')
      .set(...bearer(account.accessToken));
    expect(del.status).toBe(204);
    expect(await t.container.db.user.findUnique({ where: { id: account.userId } })).toBeNull();
    expect(
      (
        await request(t.app)
          .get('/api/v1/auth/me')
          .set(...bearer(other.body.accessToken))
      ).status,
    ).toBe(401);
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    expect(login.status).toBe(401);
    // The address is free again.
    expect((await request(t.app).post('/api/v1/auth/register').send({ email: account.email, password: PASSWORD })).status).toBe(201);
  });

  it('lists no sign-in providers until one is configured', async () => {
    const res = await request(t.app).get('/api/v1/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [] });
  });
});
