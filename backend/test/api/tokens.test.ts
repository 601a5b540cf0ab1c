import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { bearer, registerAccount } from '../support/accounts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

function claimsOf(token: string): { sub: string; sid: string } {
  return jwt.decode(token) as { sub: string; sid: string };
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function expectRefused(token: string, code = 'INVALID_TOKEN') {
  const res = await request(t.app)
    .get('/api/v1/auth/me')
    .set(...bearer(token));
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe(code);
}

describe('access tokens', () => {
  it('refuses a request without a token', async () => {
    const res = await request(t.app).get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect((await request(t.app).get('/api/v1/auth/me').set('Authorization', 'Basic abc')).body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const { accessToken } = await registerAccount(t.app);
    const { sub, sid } = claimsOf(accessToken);
    const forged = jwt.sign({ sid }, 'some-other-secret-that-is-also-long-enough', { subject: sub, issuer: 'resume2website', audience: 'r2w-api' });
    await expectRefused(forged);
  });

  it('refuses an expired token', async () => {
    const { accessToken } = await registerAccount(t.app);
    const { sub, sid } = claimsOf(accessToken);
    const expired = jwt.sign({ sid, exp: Math.floor(Date.now() / 1000) - 10 }, createSecretKey(Buffer.from(TEST_JWT_SECRET)), { subject: sub, issuer: 'resume2website', audience: 'r2w-api' });
    const res = await request(t.app)
      .get('/api/v1/auth/me')
      .set(...bearer(expired));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('refuses alg:none', async () => {
    const { accessToken } = await registerAccount(t.app);
    const { sub, sid } = claimsOf(accessToken);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub, sid, iss: 'resume2website', aud: 'r2w-api', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    await expectRefused(unsigned);
  });

  it('refuses a token whose payload was altered', async () => {
    const a = await registerAccount(t.app);
    const b = await registerAccount(t.app);
    const [header, , signature] = a.accessToken.split('.');
    const tampered = `${header}.${base64url({ ...claimsOf(a.accessToken), sub: claimsOf(b.accessToken).sub })}.${signature}`;
    await expectRefused(tampered);
  });

  it('refuses a validly signed token whose session does not belong to its user', async () => {
    const a = await registerAccount(t.app);
    const b = await registerAccount(t.app);
    const mixed = t.container.tokens.issueAccessToken({ userId: a.userId, sessionId: claimsOf(b.accessToken).sid });
    await expectRefused(mixed, 'SESSION_REVOKED');
  });

  it('refuses garbage', async () => {
    await expectRefused('not.a.jwt');
    await expectRefused('x'.repeat(5000));
  });
});
