import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { fullCv } from '../../support/full-cv';
import { createPortfolio, expectError, expectStatus, importCv, PASSWORD, register, type Account } from '../harness/api';
import { check, type Case, type Context, type Family } from '../harness/cases';
import { call, type CallOptions, type Reply } from '../harness/http';

// Hostile JSON and hostile addresses: bodies over the limits, nesting 100,000 deep,
// prototype-pollution keys, wrong content types and encodings, bad percent-encoding in
// every parametrised path. Each is a 4xx JSON error (or accepted and harmless); after a
// pollution attempt, strict schemas must still accept good bodies and no stored or
// returned object carries the injected field.

const CLIENT_ERRORS = [400, 404, 413, 414, 415, 422];
const POLLUTION_MARK = 'polluted_by_abuse';

function rawJson(ctx: Context, method: string, route: string, body: string | Buffer, options: CallOptions = {}): Promise<Reply> {
  return call(ctx.url, method, route, { ...options, body, headers: { 'content-type': 'application/json', ...options.headers } });
}

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Target {
  user: Account;
  cvId: string;
  portfolioId: string;
}

/** Good requests still work, and nothing the attacker stored or sees carries the mark. */
async function expectUnpolluted(ctx: Context, t: Target): Promise<void> {
  const auth = { token: t.user.accessToken };
  const settings = await call(ctx.url, 'PATCH', `/api/v1/portfolios/${t.portfolioId}`, { ...auth, json: { settings: { accentColor: '#123456', language: 'en' } } });
  expectStatus(settings, 200);
  const login = await call(ctx.url, 'POST', '/api/v1/auth/login', { json: { email: t.user.email, password: PASSWORD } });
  expectStatus(login, 200);
  const cv = await call(ctx.url, 'GET', `/api/v1/cvs/${t.cvId}`, auth);
  expectStatus(cv, 200);
  const save = await call(ctx.url, 'PUT', `/api/v1/cvs/${t.cvId}/data`, { ...auth, json: { ...cv.json.cv.data } });
  expectStatus(save, 200);
  const portfolios = await call(ctx.url, 'GET', '/api/v1/portfolios', auth);
  for (const res of [settings, login, cv, save, portfolios]) check(!res.text.includes(POLLUTION_MARK), `an answer carries the injected field: ${res.text.slice(0, 300)}`);
}

function pollution(name: string, send: (ctx: Context, t: Target) => Promise<Reply>, target: Target, after?: (ctx: Context, res: Reply) => Promise<void>): Case {
  return {
    name: `prototype pollution: ${name}`,
    run: async (ctx) => {
      const res = await send(ctx, target);
      check(res.status < 500, `answered ${res.status} ${res.text.slice(0, 200)}`);
      if (res.status >= 400) expectError(res, [401, ...CLIENT_ERRORS]);
      check(!res.text.includes(POLLUTION_MARK), `the answer carries the injected field: ${res.text.slice(0, 300)}`);
      await after?.(ctx, res);
      await expectUnpolluted(ctx, target);
    },
  };
}

function refused(name: string, send: (ctx: Context) => Promise<Reply>, statuses: readonly number[] = CLIENT_ERRORS, code?: string): Case {
  return { name, run: async (ctx) => expectError(await send(ctx), statuses, code) };
}

export const jsonFamily: Family = {
  name: 'json',
  async prepare(ctx) {
    const user = await register(ctx, 'json-user');
    const cvId = await importCv(ctx, user);
    const portfolioId = await createPortfolio(ctx, user, cvId, 'minimal');
    const t: Target = { user, cvId, portfolioId };
    const auth = { token: user.accessToken };
    const email = () => `json-${randomUUID()}@example.com`;
    const proto = `{"${POLLUTION_MARK}":1,"isAdmin":true,"status":"ready","templateId":"evil"}`;
    const cvJson = JSON.stringify(fullCv());
    const withKey = (json: string, key: string) => `${json.slice(0, -1)},${key}}`;
    const cv = `/api/v1/cvs/${cvId}`;
    const portfolio = `/api/v1/portfolios/${portfolioId}`;
    const buildId = randomUUID();
    const badIds = ['%c0%ae', '%E0%A4%A', '%', '%zz', '%ff%fe'];

    const cases: Case[] = [
      // Sizes
      refused(
        'register body of 200 KB',
        (c) => call(c.url, 'POST', '/api/v1/auth/register', { json: { email: email(), password: PASSWORD, name: 'x'.repeat(200 * 1024) } }),
        [413],
        'PAYLOAD_TOO_LARGE',
      ),
      refused('CV data of 3 MB', (c) => rawJson(c, 'PUT', `${cv}/data`, withKey(cvJson, `"pad":"${'x'.repeat(3 * 1024 * 1024)}"`), auth), [413], 'PAYLOAD_TOO_LARGE'),
      refused(
        'JSON Resume import of 3 MB',
        (c) => call(c.url, 'POST', '/api/v1/cvs/import', { ...auth, json: { basics: { name: 'x', summary: 'y'.repeat(3 * 1024 * 1024) } } }),
        [413],
        'PAYLOAD_TOO_LARGE',
      ),
      refused(
        'portfolio settings of 200 KB',
        (c) => call(c.url, 'PATCH', portfolio, { ...auth, json: { settings: { siteUrl: `https://x.example/${'a'.repeat(200 * 1024)}` } } }),
        [413],
        'PAYLOAD_TOO_LARGE',
      ),
      refused(
        'gzip-encoded JSON inflating to 50 MB',
        (c) => rawJson(c, 'PUT', `${cv}/data`, gzipSync(Buffer.from(withKey(cvJson, `"pad":"${' '.repeat(50 * 1024 * 1024)}"`))), { ...auth, headers: { 'content-encoding': 'gzip' } }),
        [413, 415],
      ),
      // Nesting
      refused('register: arrays nested 100,000 deep', (c) => rawJson(c, 'POST', '/api/v1/auth/register', `{"email":${nestedArrays(100_000)},"password":"${PASSWORD}"}`)),
      refused('login: objects nested 15,000 deep', (c) => rawJson(c, 'POST', '/api/v1/auth/login', `{"email":${nestedObjects(15_000)},"password":"x"}`)),
      refused('refresh: arrays nested 40,000 deep', (c) => rawJson(c, 'POST', '/api/v1/auth/refresh', `{"refreshToken":${nestedArrays(40_000)}}`)),
      refused('CV data: objects nested 100,000 deep in the hero', (c) => rawJson(c, 'PUT', `${cv}/data`, cvJson.replace('"hero":{', `"hero":{"deep":${nestedObjects(100_000)},`), auth)),
      refused('CV data: arrays nested 100,000 deep as a skill', (c) => rawJson(c, 'PUT', `${cv}/data`, cvJson.replace('"skills":[', `"skills":[${nestedArrays(100_000)},`), auth)),
      refused('CV data: a bare array nested 100,000 deep', (c) => rawJson(c, 'PUT', `${cv}/data`, nestedArrays(100_000), auth)),
      refused('JSON Resume import: arrays nested 100,000 deep in profiles', (c) => rawJson(c, 'POST', '/api/v1/cvs/import', `{"basics":{"name":"x","profiles":${nestedArrays(100_000)}}}`, auth)),
      {
        // The mapping reads only the fields JSON Resume defines: the nest may simply be dropped.
        name: 'JSON Resume import: objects nested 100,000 deep in work',
        run: async (c) => {
          const res = await rawJson(c, 'POST', '/api/v1/cvs/import', `{"basics":{"name":"x"},"work":[${nestedObjects(100_000)}]}`, auth);
          if (res.status !== 201) expectError(res, CLIENT_ERRORS);
          else check(!res.text.includes('"a":{"a"'), 'the nest was stored');
        },
      },
      refused('portfolio settings: arrays nested 40,000 deep', (c) => rawJson(c, 'PATCH', portfolio, `{"settings":${nestedArrays(40_000)}}`, auth)),
      refused('claim: arrays nested 40,000 deep', (c) => rawJson(c, 'POST', `${cv}/claim`, `{"claimToken":${nestedArrays(40_000)}}`, auth)),
      // Pollution
      pollution(
        '__proto__ in register',
        (c) => rawJson(c, 'POST', '/api/v1/auth/register', `{"email":"${email()}","password":"${PASSWORD}","__proto__":${proto}}`),
        t,
        async (c, res) => {
          if (res.status === 201) check(!(await call(c.url, 'GET', '/api/v1/auth/me', { token: res.json.accessToken })).text.includes(POLLUTION_MARK), 'the new account carries the injected field');
        },
      ),
      pollution('constructor.prototype in register', (c) => rawJson(c, 'POST', '/api/v1/auth/register', `{"email":"${email()}","password":"${PASSWORD}","constructor":{"prototype":${proto}}}`), t),
      pollution('__proto__ in login', (c) => rawJson(c, 'POST', '/api/v1/auth/login', `{"email":"${user.email}","password":"${PASSWORD}","__proto__":${proto}}`), t),
      pollution('__proto__ at the top of CV data', (c) => rawJson(c, 'PUT', `${cv}/data`, withKey(cvJson, `"__proto__":${proto}`), auth), t),
      pollution('__proto__ inside the hero of CV data', (c) => rawJson(c, 'PUT', `${cv}/data`, cvJson.replace('"hero":{', `"hero":{"__proto__":${proto},`), auth), t),
      pollution('constructor.prototype in an experience item', (c) => rawJson(c, 'PUT', `${cv}/data`, cvJson.replace('"items":[{', `"items":[{"constructor":{"prototype":${proto}},`), auth), t),
      pollution(
        '__proto__ in a JSON Resume import',
        (c) =>
          rawJson(
            c,
            'POST',
            '/api/v1/cvs/import',
            `{"__proto__":${proto},"basics":{"name":"Proto Person","__proto__":${proto},"profiles":[{"__proto__":${proto},"network":"x","url":"https://x.example"}]}}`,
            auth,
          ),
        t,
        async (c, res) => {
          if (res.status === 201) check(!(await call(c.url, 'GET', `/api/v1/cvs/${res.json.cv.id}`, auth)).text.includes(POLLUTION_MARK), 'the imported CV carries the injected field');
        },
      ),
      pollution('constructor.prototype in a JSON Resume import', (c) => rawJson(c, 'POST', '/api/v1/cvs/import', `{"constructor":{"prototype":${proto}},"basics":{"name":"Proto Person"}}`, auth), t),
      pollution('__proto__ in portfolio settings', (c) => rawJson(c, 'PATCH', portfolio, `{"settings":{"__proto__":${proto},"accentColor":"#abcdef"}}`, auth), t),
      pollution('constructor.prototype in portfolio settings', (c) => rawJson(c, 'PATCH', portfolio, `{"settings":{"constructor":{"prototype":${proto}}}}`, auth), t),
      pollution('__proto__ in a new portfolio', (c) => rawJson(c, 'POST', '/api/v1/portfolios', `{"cvId":"${cvId}","templateId":"minimal","__proto__":${proto}}`, auth), t),
      pollution('__proto__ in refresh', (c) => rawJson(c, 'POST', '/api/v1/auth/refresh', `{"__proto__":{"refreshToken":"${user.refreshToken}"}}`), t),
      pollution('__proto__ in the query string', (c) => call(c.url, 'GET', `${cv}/export?__proto__[format]=json-resume&format[__proto__]=x&constructor[prototype][${POLLUTION_MARK}]=1`, auth), t),
      // Content types and encodings
      refused(
        'register as text/plain',
        (c) => call(c.url, 'POST', '/api/v1/auth/register', { body: JSON.stringify({ email: email(), password: PASSWORD }), headers: { 'content-type': 'text/plain' } }),
        [415],
        'UNSUPPORTED_MEDIA_TYPE',
      ),
      refused(
        'register as a form',
        (c) => call(c.url, 'POST', '/api/v1/auth/register', { body: `email=${email()}&password=${PASSWORD}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        [415],
        'UNSUPPORTED_MEDIA_TYPE',
      ),
      refused(
        'register as JSON in Latin-1',
        (c) =>
          call(c.url, 'POST', '/api/v1/auth/register', {
            body: Buffer.from(JSON.stringify({ email: email(), password: PASSWORD, name: 'Zoë' }), 'latin1'),
            headers: { 'content-type': 'application/json; charset=latin1' },
          }),
        [415],
        'UNSUPPORTED_MEDIA_TYPE',
      ),
      refused('register with broken JSON', (c) => rawJson(c, 'POST', '/api/v1/auth/register', '{"email": "a@example.com", "password": '), [400], 'MALFORMED_JSON'),
      refused('register with JSON null', (c) => rawJson(c, 'POST', '/api/v1/auth/register', 'null'), [400]),
      refused('register with a JSON array', (c) => rawJson(c, 'POST', '/api/v1/auth/register', '[1,2,3]'), [400]),
      refused('register with a number of 1e999', (c) => rawJson(c, 'POST', '/api/v1/auth/register', `{"email":1e999,"password":"${PASSWORD}"}`), [400]),
      refused(
        'CV data as multipart',
        (c) => call(c.url, 'PUT', `${cv}/data`, { ...auth, body: '--x\r\n\r\n{}\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
        [415],
        'UNSUPPORTED_MEDIA_TYPE',
      ),
      refused('portfolio change as XML', (c) => call(c.url, 'PATCH', portfolio, { ...auth, body: '<settings/>', headers: { 'content-type': 'application/xml' } }), [415], 'UNSUPPORTED_MEDIA_TYPE'),
      refused('gzip-encoded JSON that is not gzip', (c) => rawJson(c, 'POST', '/api/v1/auth/login', 'not gzip at all', { headers: { 'content-encoding': 'gzip' } }), [400, 415]),
      refused('an unknown Content-Encoding', (c) => rawJson(c, 'POST', '/api/v1/auth/login', '{}', { headers: { 'content-encoding': 'compress' } }), [415]),
      // Addresses
      ...badIds.flatMap((bad) => [
        refused(`GET /api/v1/cvs/${bad}`, (c) => call(c.url, 'GET', `/api/v1/cvs/${bad}`, auth), [400]),
        refused(`PUT /api/v1/cvs/${bad}/data`, (c) => call(c.url, 'PUT', `/api/v1/cvs/${bad}/data`, { ...auth, json: {} }), [400]),
        refused(`GET /api/v1/portfolios/${bad}`, (c) => call(c.url, 'GET', `/api/v1/portfolios/${bad}`, auth), [400]),
        refused(`GET /sites/${bad}/`, (c) => call(c.url, 'GET', `/sites/${bad}/`), [400]),
        refused(`GET /previews/${bad}/1.x/`, (c) => call(c.url, 'GET', `/previews/${bad}/1.x/`), [400]),
      ]),
      ...['events', 'export', 'file', 'claim', ''].map((tail) =>
        refused(
          `${tail === 'claim' ? 'POST' : tail === '' ? 'DELETE' : 'GET'} /api/v1/cvs/%c0%ae${tail ? `/${tail}` : ''}`,
          (c) =>
            call(c.url, tail === 'claim' ? 'POST' : tail === '' ? 'DELETE' : 'GET', `/api/v1/cvs/%c0%ae${tail ? `/${tail}` : ''}`, {
              ...auth,
              ...(tail === 'claim' ? { json: { claimToken: 'x' } } : {}),
            }),
          [400],
        ),
      ),
      refused('GET /api/v1/portfolios/:id/builds/%c0%ae', (c) => call(c.url, 'GET', `${portfolio}/builds/%c0%ae`, auth), [400]),
      refused('DELETE /api/v1/portfolios/%c0%ae', (c) => call(c.url, 'DELETE', '/api/v1/portfolios/%c0%ae', auth), [400]),
      refused('POST /api/v1/portfolios/%c0%ae/publish', (c) => call(c.url, 'POST', '/api/v1/portfolios/%c0%ae/publish', auth), [400]),
      refused('GET /sites/%c0%ae (no slash)', (c) => call(c.url, 'GET', '/sites/%c0%ae'), [400]),
      refused('GET /sites/some-site/%c0%ae', (c) => call(c.url, 'GET', '/sites/some-site/%c0%ae'), [400]),
      refused(`GET /previews/${buildId}/%c0%ae`, (c) => call(c.url, 'GET', `/previews/${buildId}/%c0%ae`), [400]),
      refused('GET /api/v1/templates/%c0%ae/preview', (c) => call(c.url, 'GET', '/api/v1/templates/%c0%ae/preview'), [400]),
      refused('GET /api/v1/cvs/not-a-uuid', (c) => call(c.url, 'GET', '/api/v1/cvs/not-a-uuid', auth), [400], 'VALIDATION_FAILED'),
      refused('an id of 10,000 characters', (c) => call(c.url, 'GET', `/api/v1/cvs/${'a'.repeat(10_000)}`, auth), [400, 404, 414]),
      refused('a site path climbing out with encoded slashes', (c) => call(c.url, 'GET', '/sites/some-site/..%2F..%2F..%2Fr2w.db'), [400, 404]),
      refused('a preview path climbing out with encoded slashes', (c) => call(c.url, 'GET', `/previews/${buildId}/..%2F..%2Fsecrets%2Fjwt-secret`), [400, 403, 404]),
      refused('a preview path climbing out inside the build', (c) => call(c.url, 'GET', `/previews/${buildId}/1.x/..%2F..%2Fsecrets%2Fjwt-secret`), [400, 403, 404]),
      refused('export with the format given twice', (c) => call(c.url, 'GET', `${cv}/export?format=cv&format=json-resume`, auth), [400]),
      refused('a claim token given twice in the query', (c) => call(c.url, 'GET', `${cv}?claimToken=a&claimToken=b`), [400, 404]),
      refused('an access token given twice for the event stream', (c) => call(c.url, 'GET', `${cv}/events?access_token=a&access_token=b`), [400, 401, 404]),
    ];
    return cases;
  },
};
