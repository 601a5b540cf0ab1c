import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { createTestApp, REDIS_URL, type TestApp } from '../support/test-app';
import { PASSWORD, registerAccount, uniqueEmail } from '../support/accounts';
import { startFakeOidcProvider, type FakeOidcProvider, type Person } from '../support/fake-oidc-provider';
import { freePort } from '../support/ports';

// Google and LinkedIn sign-in end to end against local OpenID providers: the API sends the
// browser to the provider, the provider sends it back with a code, the API exchanges the
// code and checks the ID token, and the browser lands in the SPA signed in or on the
// sign-in page with the reason.

const APP = 'http://app.test';

let google: FakeOidcProvider;
let t: TestApp;
beforeAll(async () => {
  google = await startFakeOidcProvider();
  t = createTestApp(providerEnv('GOOGLE', google));
});
afterAll(async () => {
  await t.close();
  await google.close();
});
afterEach(() => {
  google.deny = null;
  google.idToken = {};
});

function providerEnv(prefix: 'GOOGLE' | 'LINKEDIN', provider: FakeOidcProvider): Record<string, string> {
  return { APP_BASE_URL: APP, [`${prefix}_CLIENT_ID`]: provider.clientId, [`${prefix}_CLIENT_SECRET`]: provider.clientSecret, [`${prefix}_ISSUER_URL`]: provider.issuer };
}

function person(overrides: Partial<Person> = {}): Person {
  return { sub: randomUUID(), email: uniqueEmail('oidc'), email_verified: true, name: 'Grace Hopper', ...overrides };
}

const setCookies = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

function cookieOf(res: request.Response, name: string): string | undefined {
  const found = setCookies(res).find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));
  return found ? decodeURIComponent(found.slice(name.length + 1).split(';')[0]!) : undefined;
}

function redirectOf(res: request.Response): URL {
  expect(res.status).toBe(302);
  return new URL(res.headers.location!);
}

/** The browser asks the API to start; returns where it is sent and the state cookie it keeps. */
async function begin(app: Express, provider = 'google', next?: string) {
  const res = await request(app)
    .get(`/api/v1/auth/oauth/${provider}/start`)
    .query(next === undefined ? {} : { next });
  return { to: redirectOf(res), stateCookie: cookieOf(res, 'r2w_oauth_state') };
}

/** The provider signs the person in and sends the browser back: the callback address on the app. */
async function atProvider(to: URL): Promise<URL> {
  const res = await fetch(to, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

function callback(app: Express, back: URL, stateCookie: string | undefined) {
  const req = request(app).get(`${back.pathname}${back.search}`);
  return stateCookie ? req.set('Cookie', `r2w_oauth_state=${encodeURIComponent(stateCookie)}`) : req;
}

async function signIn(app: Express, provider = 'google', next?: string) {
  const { to, stateCookie } = await begin(app, provider, next);
  const back = await atProvider(to);
  const res = await callback(app, back, stateCookie);
  return { res, back, stateCookie, landing: redirectOf(res) };
}

/** The session the SPA picks up at /sign-in/complete: a refresh with the cookie the callback set. */
async function sessionFrom(app: Express, res: request.Response) {
  const cookie = cookieOf(res, 'r2w_refresh');
  expect(cookie).toBeDefined();
  const refreshed = await request(app).post('/api/v1/auth/refresh').set('Cookie', `r2w_refresh=${cookie}`).send({});
  expect(refreshed.status).toBe(200);
  return refreshed.body as { user: { id: string; email: string; name: string | null } };
}

function expectFailure(landing: URL, reason: string, provider = 'google') {
  expect(`${landing.origin}${landing.pathname}`).toBe(`${APP}/sign-in`);
  expect(Object.fromEntries(landing.searchParams)).toEqual({ oauthError: reason, provider });
}

const usersWith = (email: string) => t.container.db.user.count({ where: { email } });
const outcomes = async (app: TestApp) => Object.fromEntries((await app.container.metrics.oauthSignIns.get()).values.map((v) => [`${v.labels.provider}:${v.labels.outcome}`, v.value]));

describe('providers', () => {
  it('lists only the configured providers; the others answer 404', async () => {
    const res = await request(t.app).get('/api/v1/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [{ id: 'google', name: 'Google' }] });
    for (const path of ['/api/v1/auth/oauth/linkedin/start', '/api/v1/auth/oauth/linkedin/callback?code=x&state=y', '/api/v1/auth/oauth/github/start']) {
      const refused = await request(t.app).get(path);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('sign-in with Google', () => {
  it('sends the browser to the provider with state, nonce and PKCE, and keeps the state in a short-lived cookie', async () => {
    const { to, stateCookie } = await begin(t.app);
    expect(`${to.origin}${to.pathname}`).toBe(`${google.issuer}/authorize`);
    const q = to.searchParams;
    expect(q.get('client_id')).toBe(google.clientId);
    expect(q.get('redirect_uri')).toBe(`${APP}/api/v1/auth/oauth/google/callback`);
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toBe(stateCookie);
  });

  it('creates the account on a first sign-in and signs in to the same one the next time', async () => {
    google.person = person({ email: 'Grace.Hopper-' + randomUUID() + '@Example.com' });
    const first = await signIn(t.app, 'google', '/cvs/123?tab=edit');
    expect(first.landing.href).toBe(`${APP}/sign-in/complete?next=${encodeURIComponent('/cvs/123?tab=edit')}`);
    expect(setCookies(first.res).find((c) => c.startsWith('r2w_refresh='))).toMatch(/HttpOnly; SameSite=Lax$/);
    const session = await sessionFrom(t.app, first.res);
    expect(session.user).toMatchObject({ email: google.person.email!.toLowerCase(), name: 'Grace Hopper' });

    const stored = await t.container.db.user.findUniqueOrThrow({ where: { id: session.user.id }, include: { identities: true } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.identities).toEqual([expect.objectContaining({ provider: 'google', subject: google.person.sub })]);

    const again = await signIn(t.app);
    expect((await sessionFrom(t.app, again.res)).user.id).toBe(session.user.id);
    expect(await usersWith(google.person.email!.toLowerCase())).toBe(1);

    // No password: password sign-in refuses it like any wrong password.
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: session.user.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('links to the existing account with the same verified e-mail, ending the password nobody proved the e-mail for', async () => {
    // Password sign-up does not prove the address: this could be someone waiting for its owner.
    const account = await registerAccount(t.app);
    const squatter = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    expect(squatter.status).toBe(200);
    google.person = person({ email: account.email.toUpperCase() });
    const { res } = await signIn(t.app);
    expect((await sessionFrom(t.app, res)).user.id).toBe(account.userId);
    expect(await t.container.db.oAuthIdentity.findMany({ where: { userId: account.userId } })).toEqual([expect.objectContaining({ provider: 'google', subject: google.person.sub })]);
    // The password and the sessions made with it are gone; the provider's sign-in works again.
    expect((await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD })).status).toBe(401);
    const squatterRefresh = setCookies(squatter)
      .find((c) => c.startsWith('r2w_refresh='))!
      .split(';')[0]!;
    expect((await request(t.app).post('/api/v1/auth/refresh').set('Cookie', squatterRefresh)).status).toBe(401);
    const again = await signIn(t.app);
    expect((await sessionFrom(t.app, again.res)).user.id).toBe(account.userId);
  });

  it('never links an unverified e-mail, and makes no second account with it', async () => {
    const account = await registerAccount(t.app);
    google.person = person({ email: account.email, email_verified: false });
    const { res, landing } = await signIn(t.app);
    expectFailure(landing, 'email_unverified');
    expect(cookieOf(res, 'r2w_refresh')).toBeUndefined();
    expect(await t.container.db.oAuthIdentity.count({ where: { subject: google.person.sub } })).toBe(0);
    expect(await usersWith(account.email)).toBe(1);

    const stranger = person({ email_verified: false });
    google.person = stranger;
    expectFailure((await signIn(t.app)).landing, 'email_unverified');
    expect(await usersWith(stranger.email!)).toBe(0);
  });

  it('refuses a sign-in without an e-mail address', async () => {
    google.person = { sub: randomUUID(), name: 'No Mail' };
    expectFailure((await signIn(t.app)).landing, 'email_missing');
  });

  it('ignores a next that is not a path of this app', async () => {
    google.person = person();
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'dashboard']) {
      expect((await signIn(t.app, 'google', next)).landing.href).toBe(`${APP}/sign-in/complete?next=%2Fdashboard`);
    }
  });

  it('refuses a wrong state, and a state this browser was not given', async () => {
    google.person = person();
    const { to, stateCookie } = await begin(t.app);
    const back = await atProvider(to);
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    expectFailure(redirectOf(await callback(t.app, forged, 'not-the-state')), 'expired');
    // Without the browser's cookie (a callback link opened elsewhere) the real state fails too, and is used up.
    expectFailure(redirectOf(await callback(t.app, back, undefined)), 'expired');
    expectFailure(redirectOf(await callback(t.app, back, stateCookie)), 'expired');
    expect(await usersWith(google.person.email!)).toBe(0);
  });

  it('refuses a replayed answer and a replayed code', async () => {
    google.person = person();
    const first = await signIn(t.app);
    expect(first.landing.pathname).toBe('/sign-in/complete');
    const replay = await callback(t.app, first.back, first.stateCookie);
    expectFailure(redirectOf(replay), 'expired');
    expect(cookieOf(replay, 'r2w_refresh')).toBeUndefined();

    // The used code under a fresh state: the provider refuses it.
    const { to, stateCookie } = await begin(t.app);
    const code = first.back.searchParams.get('code')!;
    const withOldCode = new URL(`${APP}/api/v1/auth/oauth/google/callback?${new URLSearchParams({ code, state: to.searchParams.get('state')! })}`);
    expectFailure(redirectOf(await callback(t.app, withOldCode, stateCookie)), 'expired');
  });

  it.each([
    ['a bad signature', { signWithOtherKey: true }],
    ['an expired ID token', { claims: (c: Record<string, unknown>) => ({ ...c, iat: Number(c.iat) - 7200, exp: Number(c.iat) - 3600 }) }],
    ['a wrong audience', { claims: (c: Record<string, unknown>) => ({ ...c, aud: 'someone-else' }) }],
    ['a wrong nonce', { claims: (c: Record<string, unknown>) => ({ ...c, nonce: 'not-the-nonce' }) }],
    ['a wrong issuer', { claims: (c: Record<string, unknown>) => ({ ...c, iss: 'https://evil.example' }) }],
  ])('refuses an ID token with %s and creates nothing', async (_case, idToken) => {
    google.person = person();
    google.idToken = idToken;
    const { res, landing } = await signIn(t.app);
    expectFailure(landing, 'invalid_response');
    expect(cookieOf(res, 'r2w_refresh')).toBeUndefined();
    expect(await usersWith(google.person.email!)).toBe(0);
    expect(await t.container.db.oAuthIdentity.count({ where: { subject: google.person.sub } })).toBe(0);
  });

  it('says the user cancelled when the provider answers access_denied', async () => {
    google.deny = 'access_denied';
    expectFailure((await signIn(t.app)).landing, 'cancelled');
  });

  it('counts sign-ins by provider and outcome, and logs no code, state or token', async () => {
    google.person = person();
    const before = await outcomes(t);
    const { back } = await signIn(t.app);
    google.idToken = { signWithOtherKey: true };
    await signIn(t.app);
    const after = await outcomes(t);
    expect((after['google:signed_up'] ?? 0) - (before['google:signed_up'] ?? 0)).toBe(1);
    expect((after['google:invalid_response'] ?? 0) - (before['google:invalid_response'] ?? 0)).toBe(1);
    const logs = JSON.stringify(t.logs);
    expect(logs).toContain('signed in with a provider');
    expect(logs).not.toContain(back.searchParams.get('code')!);
    expect(logs).not.toContain(back.searchParams.get('state')!);
    expect(logs).not.toContain(google.person.email!);
  });
});

describe('a provider that is down', () => {
  it('ends on the sign-in page with provider_unavailable at the start, and creates nothing', async () => {
    const down = createTestApp({ ...providerEnv('GOOGLE', google), GOOGLE_ISSUER_URL: `http://127.0.0.1:${await freePort()}` });
    try {
      const res = await request(down.app).get('/api/v1/auth/oauth/google/start');
      expectFailure(redirectOf(res), 'provider_unavailable');
      expect(cookieOf(res, 'r2w_oauth_state')).toBeUndefined();
      expect(await outcomes(down)).toEqual({ 'google:provider_unavailable': 1 });
    } finally {
      await down.close();
    }
  });

  it('ends on the sign-in page when it goes down during the sign-in, and creates nothing', async () => {
    const provider = await startFakeOidcProvider();
    const app = createTestApp(providerEnv('GOOGLE', provider));
    try {
      provider.person = person();
      const { to, stateCookie } = await begin(app.app);
      const back = await atProvider(to);
      await provider.close();
      const res = await callback(app.app, back, stateCookie);
      expectFailure(redirectOf(res), 'provider_unavailable');
      expect(cookieOf(res, 'r2w_refresh')).toBeUndefined();
      expect(await app.container.db.user.count({ where: { email: provider.person.email! } })).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe('sign-in with LinkedIn', () => {
  it('signs in without PKCE or nonce, which LinkedIn does not take from web apps', async () => {
    const linkedin = await startFakeOidcProvider({ pkce: false });
    const app = createTestApp({ ...providerEnv('GOOGLE', google), ...providerEnv('LINKEDIN', linkedin) });
    try {
      expect((await request(app.app).get('/api/v1/auth/providers')).body).toEqual({
        providers: [
          { id: 'google', name: 'Google' },
          { id: 'linkedin', name: 'LinkedIn' },
        ],
      });
      linkedin.person = person();
      const { res, landing } = await signIn(app.app, 'linkedin');
      expect(landing.pathname).toBe('/sign-in/complete');
      expect(linkedin.authorizations.at(-1)?.has('code_challenge')).toBe(false);
      expect((await sessionFrom(app.app, res)).user.email).toBe(linkedin.person.email);
    } finally {
      await app.close();
      await linkedin.close();
    }
  });
});

describe('across replicas', () => {
  it('finishes on another API replica a sign-in started on one (state in Redis, taken once)', async () => {
    const env = { ...providerEnv('GOOGLE', google), REDIS_URL, REDIS_KEY_PREFIX: `r2w-oauth-${randomUUID()}:` };
    const one = createTestApp(env);
    const two = createTestApp({ ...env, DATABASE_URL: one.config.database.url });
    try {
      google.person = person();
      const { to, stateCookie } = await begin(one.app);
      const back = await atProvider(to);
      const res = await callback(two.app, back, stateCookie);
      expect(redirectOf(res).pathname).toBe('/sign-in/complete');
      expect((await sessionFrom(two.app, res)).user.email).toBe(google.person.email);
      expectFailure(redirectOf(await callback(one.app, back, stateCookie)), 'expired');
    } finally {
      await one.close();
      await two.close();
    }
  });
});
