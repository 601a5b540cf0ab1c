import { randomUUID } from 'node:crypto';
import { check, fail, type Context } from './cases';
import { call, type Reply } from './http';

// The few legitimate steps the attacks build on: accounts, CVs, portfolios, builds.

import { PASSWORD, type Account } from '../../support/accounts';

export { PASSWORD, type Account };

export async function register(ctx: Context, tag = 'abuse'): Promise<Account> {
  const email = `${tag}-${randomUUID()}@example.com`;
  const res = await call(ctx.url, 'POST', '/api/v1/auth/register', { json: { email, password: PASSWORD, name: 'Abuse Tester' } });
  if (res.status !== 201) fail(`register answered ${res.status} ${res.text.slice(0, 200)}`);
  return { email, userId: res.json.user.id, accessToken: res.json.accessToken, refreshToken: res.json.refreshToken };
}

/** The answer is a refusal with the project's error shape: {error:{code,message}}. */
export function expectError(res: Reply, statuses: readonly number[], code?: string | readonly string[]): void {
  const what = `${res.status} ${res.text.slice(0, 200)}`;
  check(statuses.includes(res.status), `expected ${statuses.join(' or ')}, got ${what}`);
  const error = res.json?.error;
  check(typeof error?.code === 'string' && typeof error?.message === 'string', `the body is not {error:{code,message}}: ${what}`);
  const codes = code === undefined ? [] : typeof code === 'string' ? [code] : code;
  if (codes.length > 0) check(codes.includes(error.code), `expected code ${codes.join(' or ')}, got ${error.code}`);
}

export function expectStatus(res: Reply, status: number): void {
  check(res.status === status, `expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
}

/** A minimal JSON Resume, imported as a ready CV of `account`. */
export async function importCv(ctx: Context, account: Account, name = 'Dana Levi'): Promise<string> {
  const res = await call(ctx.url, 'POST', '/api/v1/cvs/import', {
    token: account.accessToken,
    json: { basics: { name, label: 'Engineer', email: 'dana@example.com', summary: 'Builds calm systems.' }, work: [{ name: 'Acme', position: 'Engineer', startDate: '2020-01' }] },
  });
  expectStatus(res, 201);
  return res.json.cv.id;
}

export async function createPortfolio(ctx: Context, account: Account, cvId: string, templateId: string): Promise<string> {
  const res = await call(ctx.url, 'POST', '/api/v1/portfolios', { token: account.accessToken, json: { cvId, templateId } });
  expectStatus(res, 201);
  return res.json.portfolio.id;
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  // A hang guard, not a speed requirement: the machine may be busy with other test runs.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) fail(`${what} did not finish within 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function buildAndWait(ctx: Context, account: Account, portfolioId: string): Promise<{ id: string; status: string; previewUrl?: string; error?: { code: string } }> {
  const started = await call(ctx.url, 'POST', `/api/v1/portfolios/${portfolioId}/builds`, { token: account.accessToken });
  expectStatus(started, 202);
  const route = `/api/v1/portfolios/${portfolioId}/builds/${started.json.build.id}`;
  return poll(
    'the build',
    async () => (await call(ctx.url, 'GET', route, { token: account.accessToken })).json?.build,
    (build) => build?.status === 'succeeded' || build?.status === 'failed',
  );
}

export interface CvState {
  id: string;
  status: string;
  fileName: string | null;
  error?: { code: string; message: string };
  data?: unknown;
}

/** Follows an uploaded CV until extraction has finished one way or the other. */
export function waitForCv(ctx: Context, id: string, auth: { token?: string; claimToken?: string }): Promise<CvState> {
  return poll(
    `extraction of CV ${id}`,
    async () => {
      const res = await call(ctx.url, 'GET', `/api/v1/cvs/${id}`, { token: auth.token, headers: auth.claimToken ? { 'x-claim-token': auth.claimToken } : {} });
      if (res.status !== 200) fail(`GET /api/v1/cvs/${id} answered ${res.status} ${res.text.slice(0, 200)}`);
      return res.json.cv as CvState;
    },
    (cv) => cv.status === 'ready' || cv.status === 'failed',
  );
}
