import { createHmac, randomBytes } from 'node:crypto';
import { expectError, expectStatus, register, type Account } from '../harness/api';
import { check, type Case, type Context, type Family } from '../harness/cases';
import { call } from '../harness/http';
import { ABUSE_JWT_SECRET } from '../harness/server';

// Forged and replayed tokens. Access tokens: every forgery is 401 on a route that needs a
// user. Refresh tokens: a made-up secret for a real session must be refused without
// ending that session (finding 5), while a really reused one still revokes it.

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function jwt(header: object, payload: object, secret: string | null): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  const algorithm = (header as { alg?: string }).alg === 'HS512' ? 'sha512' : 'sha256';
  return `${unsigned}.${secret === null ? '' : createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

function claimsOf(token: string): { sub: string; sid: string; iss: string; aud: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
}

const now = () => Math.floor(Date.now() / 1000);

async function expectRefusedToken(ctx: Context, token: string): Promise<void> {
  expectError(await call(ctx.url, 'GET', '/api/v1/auth/me', { token }), [401]);
}

async function refresh(ctx: Context, refreshToken: string) {
  return call(ctx.url, 'POST', '/api/v1/auth/refresh', { json: { refreshToken } });
}

/** The session behind `account` still works: its access token passes and its refresh token rotates. */
async function expectSessionAlive(ctx: Context, account: Account): Promise<void> {
  const me = await call(ctx.url, 'GET', '/api/v1/auth/me', { token: account.accessToken });
  check(me.status === 200, `the real session was ended: /auth/me answered ${me.status} ${me.text.slice(0, 200)}`);
  const rotated = await refresh(ctx, account.refreshToken);
  check(rotated.status === 200, `the real refresh token no longer works: ${rotated.status} ${rotated.text.slice(0, 200)}`);
  account.accessToken = rotated.json.accessToken;
  account.refreshToken = rotated.json.refreshToken;
}

export const tokensFamily: Family = {
  name: 'tokens',
  async prepare(ctx) {
    const user = await register(ctx, 'token-user');
    const other = await register(ctx, 'token-other');
    const claims = claimsOf(user.accessToken);
    const valid = { sub: claims.sub, sid: claims.sid, iss: claims.iss, aud: claims.aud, iat: now(), exp: now() + 600 };
    const hs256 = { alg: 'HS256', typ: 'JWT' };
    const forged = (name: string, token: () => string): Case => ({ name, run: (c) => expectRefusedToken(c, token()) });
    const [header, payload, signature] = user.accessToken.split('.') as [string, string, string];

    return [
      { name: 'control: a real access token is accepted', run: async (c) => expectStatus(await call(c.url, 'GET', '/api/v1/auth/me', { token: user.accessToken }), 200) },
      { name: 'no token on a route that needs one', run: async (c) => expectError(await call(c.url, 'GET', '/api/v1/auth/me'), [401], 'UNAUTHENTICATED') },
      forged('garbage bearer token', () => 'not.a.token'),
      forged('empty signature', () => `${header}.${payload}.`),
      forged('HS256 signed with another secret', () => jwt(hs256, valid, 'another-secret-that-is-long-enough-to-look-real-000')),
      forged('alg none, no signature', () => jwt({ alg: 'none', typ: 'JWT' }, valid, null)),
      forged('alg "None" with the real signature kept', () => `${b64url({ alg: 'None' })}.${payload}.${signature}`),
      forged('HS512 signed with the real secret', () => jwt({ alg: 'HS512', typ: 'JWT' }, valid, ABUSE_JWT_SECRET)),
      forged('RS256 header over an HMAC signature (key confusion)', () => jwt({ alg: 'RS256', typ: 'JWT' }, valid, ABUSE_JWT_SECRET)),
      forged('expired, signed with the real secret', () => jwt(hs256, { ...valid, iat: now() - 3600, exp: now() - 1800 }, ABUSE_JWT_SECRET)),
      forged('wrong issuer, signed with the real secret', () => jwt(hs256, { ...valid, iss: 'someone-else' }, ABUSE_JWT_SECRET)),
      forged('wrong audience, signed with the real secret', () => jwt(hs256, { ...valid, aud: 'another-api' }, ABUSE_JWT_SECRET)),
      forged('no session id, signed with the real secret', () => jwt(hs256, { ...valid, sid: undefined }, ABUSE_JWT_SECRET)),
      forged("the user's session id with another user's id, signed with the real secret", () => jwt(hs256, { ...valid, sub: other.userId }, ABUSE_JWT_SECRET)),
      forged('a session id that does not exist, signed with the real secret', () => jwt(hs256, { ...valid, sid: '00000000-0000-4000-8000-000000000000' }, ABUSE_JWT_SECRET)),
      forged("payload changed to another user's id, signature kept", () => `${header}.${b64url({ ...claimsOf(user.accessToken), sub: other.userId })}.${signature}`),
      forged('payload with a later expiry, signature kept', () => `${header}.${b64url({ ...claimsOf(user.accessToken), exp: now() + 86_400 * 365 })}.${signature}`),
      {
        // Node's HTTP parser may refuse the header itself (431) before the API sees it.
        name: 'a 64 KB token',
        run: async (c) => {
          const res = await call(c.url, 'GET', '/api/v1/auth/me', { token: `${'a'.repeat(32 * 1024)}.${'b'.repeat(32 * 1024)}.c` });
          if (res.status !== 431) expectError(res, [401]);
        },
      },
      {
        name: 'a token in ?access_token= is ignored where only headers count',
        run: async (c) => expectError(await call(c.url, 'GET', `/api/v1/auth/me?access_token=${user.accessToken}`), [401], 'UNAUTHENTICATED'),
      },
      {
        name: 'refresh: a malformed token',
        run: async (c) => expectError(await refresh(c, 'x'.repeat(250)), [400, 401]),
      },
      {
        name: 'refresh: the session id of one session with the secret of another',
        run: async (c) => {
          const [sid] = user.refreshToken.split('.');
          const [, otherSecret] = other.refreshToken.split('.');
          expectError(await refresh(c, `${sid}.${otherSecret}`), [401]);
          await expectSessionAlive(c, user);
          await expectSessionAlive(c, other);
        },
      },
      {
        name: 'refresh: <real session id>.<43 random characters> does not revoke the session',
        run: async (c) => {
          const [sid] = user.refreshToken.split('.');
          expectError(await refresh(c, `${sid}.${randomBytes(32).toString('base64url')}`), [401]);
          await expectSessionAlive(c, user);
        },
      },
      {
        name: 'refresh: a made-up token sent in the cookie does not revoke the session',
        run: async (c) => {
          const [sid] = user.refreshToken.split('.');
          const res = await call(c.url, 'POST', '/api/v1/auth/refresh', { json: {}, headers: { cookie: `r2w_refresh=${sid}.${randomBytes(32).toString('base64url')}` } });
          expectError(res, [401]);
          await expectSessionAlive(c, user);
        },
      },
      {
        name: 'refresh: a really reused (already rotated) token still revokes the session',
        run: async (c) => {
          const victim = await register(c, 'token-reuse');
          const first = victim.refreshToken;
          expectStatus(await refresh(c, first), 200);
          expectError(await refresh(c, first), [401], 'SESSION_REVOKED');
          expectError(await call(c.url, 'GET', '/api/v1/auth/me', { token: victim.accessToken }), [401]);
        },
      },
      {
        name: 'an access token stops working after logout',
        run: async (c) => {
          const account = await register(c, 'token-logout');
          expectStatus(await call(c.url, 'POST', '/api/v1/auth/logout', { token: account.accessToken }), 204);
          expectError(await call(c.url, 'GET', '/api/v1/auth/me', { token: account.accessToken }), [401], 'SESSION_REVOKED');
          expectError(await refresh(c, account.refreshToken), [401]);
        },
      },
    ];
  },
};
