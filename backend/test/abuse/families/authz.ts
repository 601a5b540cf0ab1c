import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { buildAndWait, createPortfolio, expectError, expectStatus, register, waitForCv, type Account } from '../harness/api';
import { check, type Case, type Context, type Family } from '../harness/cases';
import { call, type Reply } from '../harness/http';
import { CV_TEXT } from '../files/documents';
import { filePart, multipart, multipartType } from '../files/multipart';

// Two users: every route that takes a CV, portfolio or build id is called by the attacker
// with the victim's ids, and must answer 404 (or 403) without a trace of the victim's
// data; afterwards the victim's resources must be exactly as they were. The routes are
// read from the routers, so a new route without a probe here fails the family.

const VICTIM_MARK = 'Victimia Quartermain';
const ROUTERS = path.resolve(__dirname, '../../../src/routes');
const MOUNTS: Record<string, string> = { cvs: '/api/v1/cvs', portfolios: '/api/v1/portfolios' };

interface Victim {
  account: Account;
  cvId: string;
  anonymousCvId: string;
  portfolioId: string;
  buildId: string;
  snapshot: string;
}

interface Attacker {
  account: Account;
  cvId: string;
  portfolioId: string;
  previewUrl: string;
  anonymousClaimToken: string;
}

async function uploadCv(ctx: Context, text: string, token?: string) {
  const res = await call(ctx.url, 'POST', '/api/v1/cvs', { token, body: multipart([filePart(text, 'cv.txt')]), headers: { 'content-type': multipartType() } });
  expectStatus(res, 202);
  const cv = await waitForCv(ctx, res.json.cv.id, { token, claimToken: res.json.claimToken });
  check(cv.status === 'ready', `the set-up CV ended ${cv.status}`);
  return { id: res.json.cv.id as string, claimToken: res.json.claimToken as string | undefined };
}

/** Everything of the victim's that a probe could change, as one string. */
async function snapshot(ctx: Context, victim: Account, ids: { cvId: string; portfolioId: string }): Promise<string> {
  const auth = { token: victim.accessToken };
  const cv = await call(ctx.url, 'GET', `/api/v1/cvs/${ids.cvId}`, auth);
  const portfolio = await call(ctx.url, 'GET', `/api/v1/portfolios/${ids.portfolioId}`, auth);
  const builds = await call(ctx.url, 'GET', `/api/v1/portfolios/${ids.portfolioId}/builds`, auth);
  const file = await call(ctx.url, 'GET', `/api/v1/cvs/${ids.cvId}/file`, auth);
  const photo = await call(ctx.url, 'GET', `/api/v1/cvs/${ids.cvId}/photo`, auth);
  for (const res of [cv, portfolio, builds, file, photo]) expectStatus(res, 200);
  const { updatedAt: _cvTime, ...cvState } = cv.json.cv;
  const { updatedAt: _portfolioTime, ...portfolioState } = portfolio.json.portfolio;
  return JSON.stringify({ cvState, portfolioState, builds: builds.json.builds.map((b: { id: string; status: string }) => [b.id, b.status]), file: file.text, photo: photo.text });
}

async function prepareUsers(ctx: Context): Promise<{ victim: Victim; attacker: Attacker }> {
  const victimAccount = await register(ctx, 'victim');
  const victimCv = await uploadCv(ctx, CV_TEXT.replace('Jane Doe', VICTIM_MARK), victimAccount.accessToken);
  const victimAnonymous = await uploadCv(ctx, CV_TEXT.replace('Jane Doe', VICTIM_MARK));
  const photo = await call(ctx.url, 'PUT', `/api/v1/cvs/${victimCv.id}/photo`, { token: victimAccount.accessToken, body: await photoPng(), headers: { 'content-type': 'image/png' } });
  expectStatus(photo, 200);
  const victimPortfolio = await createPortfolio(ctx, victimAccount, victimCv.id, 'minimal');
  const victimBuild = await buildAndWait(ctx, victimAccount, victimPortfolio);
  check(victimBuild.status === 'succeeded', `the victim's build ended ${victimBuild.status}`);

  const attackerAccount = await register(ctx, 'attacker');
  const attackerCv = await uploadCv(ctx, CV_TEXT, attackerAccount.accessToken);
  const attackerAnonymous = await uploadCv(ctx, CV_TEXT);
  const attackerPortfolio = await createPortfolio(ctx, attackerAccount, attackerCv.id, 'minimal');
  const attackerBuild = await buildAndWait(ctx, attackerAccount, attackerPortfolio);
  check(attackerBuild.status === 'succeeded' && attackerBuild.previewUrl, `the attacker's build ended ${attackerBuild.status}`);

  const ids = { cvId: victimCv.id, portfolioId: victimPortfolio };
  return {
    victim: { account: victimAccount, ...ids, anonymousCvId: victimAnonymous.id, buildId: victimBuild.id, snapshot: await snapshot(ctx, victimAccount, ids) },
    attacker: { account: attackerAccount, cvId: attackerCv.id, portfolioId: attackerPortfolio, previewUrl: attackerBuild.previewUrl!, anonymousClaimToken: attackerAnonymous.claimToken! },
  };
}

function photoPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
}

/** "METHOD /api/v1/…/:id…" for every route of the routers that take an id. */
export function parametrisedRoutes(): string[] {
  const routes: string[] = [];
  for (const [folder, mount] of Object.entries(MOUNTS)) {
    for (const file of readdirSync(path.join(ROUTERS, folder)).filter((f) => f.endsWith('.router.ts'))) {
      const source = readFileSync(path.join(ROUTERS, folder, file), 'utf8');
      for (const match of source.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']*)'/g)) {
        if (match[2]!.includes(':')) routes.push(`${match[1]!.toUpperCase()} ${mount}${match[2]}`);
      }
    }
  }
  return routes;
}

/** The status of a request whose answer may be an endless event stream: headers only. */
async function statusOnly(url: string, headers: Record<string, string>): Promise<Reply> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  if (res.headers.get('content-type')?.includes('text/event-stream')) {
    controller.abort();
    return { status: res.status, headers: res.headers, text: '(event stream)', json: undefined };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const authzFamily: Family = {
  name: 'authz',
  async prepare(ctx) {
    const { victim, attacker } = await prepareUsers(ctx);
    const token = attacker.account.accessToken;
    const cvBody = { schemaVersion: 1 };
    const covered = new Set<string>();

    const refused = (res: Reply, what: string) => {
      expectError(res, [403, 404]);
      check(!res.text.includes(VICTIM_MARK), `${what}: the answer shows the victim's data`);
    };
    /** One probe: `route` names the router's pattern it covers. */
    const probe = (route: string, name: string, send: (c: Context) => Promise<Reply>): Case => {
      covered.add(route);
      return { name, run: async (c) => refused(await send(c), name) };
    };
    const cv = `/api/v1/cvs/${victim.cvId}`;
    const portfolio = `/api/v1/portfolios/${victim.portfolioId}`;

    const cases: Case[] = [
      probe('GET /api/v1/cvs/:id', "GET the victim's CV", (c) => call(c.url, 'GET', cv, { token })),
      probe('GET /api/v1/cvs/:id/events', "follow the victim's CV events", (c) => statusOnly(`${c.url}${cv}/events`, { authorization: `Bearer ${token}` })),
      probe('GET /api/v1/cvs/:id/events', "follow the victim's CV events with ?access_token=", (c) => statusOnly(`${c.url}${cv}/events?access_token=${token}`, {})),
      probe('POST /api/v1/cvs/:id/claim', "claim the victim's CV with the attacker's own claim token", (c) =>
        call(c.url, 'POST', `${cv}/claim`, { token, json: { claimToken: attacker.anonymousClaimToken } }),
      ),
      probe('POST /api/v1/cvs/:id/claim', "claim the victim's anonymous CV with the attacker's claim token", (c) =>
        call(c.url, 'POST', `/api/v1/cvs/${victim.anonymousCvId}/claim`, { token, json: { claimToken: attacker.anonymousClaimToken } }),
      ),
      probe('PUT /api/v1/cvs/:id/data', "overwrite the victim's CV data", (c) => call(c.url, 'PUT', `${cv}/data`, { token, json: cvBody })),
      probe('GET /api/v1/cvs/:id/export', "export the victim's CV", (c) => call(c.url, 'GET', `${cv}/export`, { token })),
      probe('GET /api/v1/cvs/:id/export', "export the victim's CV as JSON Resume", (c) => call(c.url, 'GET', `${cv}/export?format=json-resume`, { token })),
      probe('GET /api/v1/cvs/:id/file', "download the victim's CV file", (c) => call(c.url, 'GET', `${cv}/file`, { token })),
      probe('DELETE /api/v1/cvs/:id', "delete the victim's CV", (c) => call(c.url, 'DELETE', cv, { token })),
      probe('PUT /api/v1/cvs/:id/photo', "replace the victim's photo", async (c) => call(c.url, 'PUT', `${cv}/photo`, { token, body: await photoPng(), headers: { 'content-type': 'image/png' } })),
      probe('PUT /api/v1/cvs/:id/photo', "give the victim's anonymous CV a photo with another claim token", async (c) =>
        call(c.url, 'PUT', `/api/v1/cvs/${victim.anonymousCvId}/photo`, { body: await photoPng(), headers: { 'content-type': 'image/png', 'x-claim-token': attacker.anonymousClaimToken } }),
      ),
      probe('GET /api/v1/cvs/:id/photo', "GET the victim's photo", (c) => call(c.url, 'GET', `${cv}/photo`, { token })),
      probe('GET /api/v1/cvs/:id/photo', "GET the victim's photo with no credentials", (c) => call(c.url, 'GET', `${cv}/photo`)),
      probe('DELETE /api/v1/cvs/:id/photo', "remove the victim's photo", (c) => call(c.url, 'DELETE', `${cv}/photo`, { token })),
      probe('GET /api/v1/cvs/:id', "read the victim's anonymous CV with another claim token (header)", (c) =>
        call(c.url, 'GET', `/api/v1/cvs/${victim.anonymousCvId}`, { headers: { 'x-claim-token': attacker.anonymousClaimToken } }),
      ),
      probe('GET /api/v1/cvs/:id', "read the victim's anonymous CV with another claim token (query)", (c) =>
        call(c.url, 'GET', `/api/v1/cvs/${victim.anonymousCvId}?claimToken=${attacker.anonymousClaimToken}`),
      ),
      probe('GET /api/v1/cvs/:id', "read the victim's CV with no credentials", (c) => call(c.url, 'GET', cv)),
      probe('PUT /api/v1/cvs/:id/data', "overwrite the victim's anonymous CV with another claim token", (c) =>
        call(c.url, 'PUT', `/api/v1/cvs/${victim.anonymousCvId}/data`, { headers: { 'x-claim-token': attacker.anonymousClaimToken }, json: cvBody }),
      ),
      probe('GET /api/v1/cvs/:id/file', "download the victim's anonymous CV with another claim token", (c) =>
        call(c.url, 'GET', `/api/v1/cvs/${victim.anonymousCvId}/file?claimToken=${attacker.anonymousClaimToken}`),
      ),
      probe('DELETE /api/v1/cvs/:id', "delete the victim's anonymous CV with another claim token", (c) =>
        call(c.url, 'DELETE', `/api/v1/cvs/${victim.anonymousCvId}`, { headers: { 'x-claim-token': attacker.anonymousClaimToken } }),
      ),
      probe('POST /api/v1/portfolios', "create a portfolio from the victim's CV", (c) => call(c.url, 'POST', '/api/v1/portfolios', { token, json: { cvId: victim.cvId, templateId: 'minimal' } })),
      probe('GET /api/v1/portfolios/:id', "GET the victim's portfolio", (c) => call(c.url, 'GET', portfolio, { token })),
      probe('PATCH /api/v1/portfolios/:id', "change the victim's portfolio", (c) => call(c.url, 'PATCH', portfolio, { token, json: { templateId: 'dark', slug: 'stolen-address' } })),
      probe('DELETE /api/v1/portfolios/:id', "delete the victim's portfolio", (c) => call(c.url, 'DELETE', portfolio, { token })),
      probe('POST /api/v1/portfolios/:id/builds', "build the victim's portfolio", (c) => call(c.url, 'POST', `${portfolio}/builds`, { token })),
      probe('GET /api/v1/portfolios/:id/builds', "list the victim's builds", (c) => call(c.url, 'GET', `${portfolio}/builds`, { token })),
      probe('GET /api/v1/portfolios/:id/builds/:buildId', "GET the victim's build", (c) => call(c.url, 'GET', `${portfolio}/builds/${victim.buildId}`, { token })),
      probe('GET /api/v1/portfolios/:id/builds/:buildId', "GET the victim's build through the attacker's own portfolio", (c) =>
        call(c.url, 'GET', `/api/v1/portfolios/${attacker.portfolioId}/builds/${victim.buildId}`, { token }),
      ),
      probe('POST /api/v1/portfolios/:id/publish', "publish the victim's portfolio", (c) => call(c.url, 'POST', `${portfolio}/publish`, { token })),
      probe('POST /api/v1/portfolios/:id/unpublish', "unpublish the victim's portfolio", (c) => call(c.url, 'POST', `${portfolio}/unpublish`, { token })),
      {
        name: "open the victim's build preview with the signature of the attacker's",
        run: async (c) => {
          const signed = new URL(attacker.previewUrl, c.url);
          signed.pathname = signed.pathname.replace(/\/previews\/[^/]+\//, `/previews/${victim.buildId}/`);
          refused(await call(c.url, 'GET', `${signed.pathname}${signed.search}`), 'preview with a borrowed signature');
        },
      },
      { name: "open the victim's build preview unsigned", run: async (c) => refused(await call(c.url, 'GET', `/previews/${victim.buildId}/`), 'unsigned preview') },
      {
        name: "the attacker's CV and portfolio lists hold none of the victim's",
        run: async (c) => {
          const cvs = await call(c.url, 'GET', '/api/v1/cvs', { token });
          const portfolios = await call(c.url, 'GET', '/api/v1/portfolios', { token });
          expectStatus(cvs, 200);
          expectStatus(portfolios, 200);
          check(!cvs.text.includes(victim.cvId) && !cvs.text.includes(victim.anonymousCvId), "the attacker's CV list shows the victim's CVs");
          check(!portfolios.text.includes(victim.portfolioId), "the attacker's portfolio list shows the victim's portfolio");
        },
      },
      {
        name: 'every route that takes an id is probed above',
        run: async () => {
          const missing = parametrisedRoutes().filter((route) => !covered.has(route));
          check(missing.length === 0, `routes without an authorisation probe: ${missing.join(', ')}`);
        },
      },
      {
        name: "afterwards the victim's CV, portfolio, builds and file are exactly as before",
        run: async (c) => check((await snapshot(c, victim.account, victim)) === victim.snapshot, "the victim's resources changed"),
      },
    ];
    return cases;
  },
};
