import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { siteFilesPrefix, buildJobPrefix } from '@r2w/portfolio-task/build-job';
import { expireBuilds } from '../../src/builds/expire-builds';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { createScratchPostgres, migrate } from '../support/databases';
import { buildAndWait, createSamplePortfolio } from '../support/portfolio-steps';
import { createTestApp, testDatabaseUrl, type TestApp } from '../support/test-app';

// Finished builds that no site shows expire after BUILD_RETENTION_DAYS, row and files; a
// published build, a running one and anything younger than the retention stay. The
// sweep's clock is a parameter: "later" is a date passed in, not a wait.

const DAY_MS = 24 * 3600 * 1000;
const RETENTION_DAYS = 30;

// The sweep deletes across the whole database, so this file has a database of its own
// (the run's PostgreSQL database is shared with the other API test files).
let scratch: { url: string; drop(): Promise<void> } | null = null;
let t: TestApp;
beforeAll(async () => {
  let url = testDatabaseUrl();
  if (process.env.R2W_TEST_PROVIDER === 'postgresql') {
    scratch = await createScratchPostgres('expiry');
    migrate(scratch.url);
    url = scratch.url;
  }
  t = createTestApp({ DATABASE_URL: url, BUILD_RETENTION_DAYS: String(RETENTION_DAYS) });
}, 60_000);
afterAll(async () => {
  await t.close();
  await scratch?.drop();
});

async function publish(account: Account, portfolioId: string): Promise<string> {
  const res = await request(t.app)
    .post(`/api/v1/portfolios/${portfolioId}/publish`)
    .set(...bearer(account.accessToken));
  expect(res.status).toBe(200);
  return res.body.buildId;
}

async function filesOf(portfolioId: string, buildId: string): Promise<number> {
  return (await t.container.storage.list(siteFilesPrefix(portfolioId, buildId))).length;
}

const sweep = (now: Date) => expireBuilds(t.container, { retentionDays: t.config.builds.retentionDays, now });

describe('build expiry', () => {
  it('deletes old builds no site shows, keeps the published one, running ones and young ones, and sweeps old folders without a row', async () => {
    const account = await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, account);
    const replaced = await buildAndWait(t.app, account, portfolioId);
    expect(await publish(account, portfolioId)).toBe(replaced.id);
    const published = await buildAndWait(t.app, account, portfolioId);
    expect(await publish(account, portfolioId)).toBe(published.id);
    const neverPublished = await buildAndWait(t.app, account, portfolioId);
    for (const build of [replaced, published, neverPublished]) {
      expect(build.status).toBe('succeeded');
      expect(await filesOf(portfolioId, build.id)).toBeGreaterThan(0);
    }
    // A builder still at work on a build made long ago (its row says so): never touched.
    const running = await t.container.db.build.create({
      data: { id: randomUUID(), portfolioId, templateId: 'minimal', status: 'running', createdAt: new Date(Date.now() - 90 * DAY_MS) },
    });
    // What a builder left after its portfolio (and so its build row) was deleted.
    const orphan = { portfolioId: randomUUID(), buildId: randomUUID() };
    await t.container.storage.put(`${siteFilesPrefix(orphan.portfolioId, orphan.buildId)}index.html`, '<html></html>');
    await t.container.storage.put(`${buildJobPrefix(orphan.portfolioId, orphan.buildId)}result.json`, '{}');

    // Today everything is younger than the retention: nothing goes, not even the orphan folders.
    expect(await sweep(new Date())).toEqual({ builds: 0, orphanFolders: 0 });
    expect(await t.container.storage.list(siteFilesPrefix(orphan.portfolioId, orphan.buildId))).toHaveLength(1);

    const later = new Date(Date.now() + (RETENTION_DAYS + 1) * DAY_MS);
    expect(await sweep(later)).toEqual({ builds: 2, orphanFolders: 2 });

    const left = await t.container.db.build.findMany({ where: { portfolioId }, select: { id: true } });
    expect(left.map((b) => b.id).sort()).toEqual([published.id, running.id].sort());
    expect(await filesOf(portfolioId, published.id)).toBeGreaterThan(0);
    expect(await filesOf(portfolioId, replaced.id)).toBe(0);
    expect(await filesOf(portfolioId, neverPublished.id)).toBe(0);
    expect(await t.container.storage.list(`sites/${orphan.portfolioId}/`)).toEqual([]);
    expect(await t.container.storage.list(`builds/${orphan.portfolioId}/`)).toEqual([]);

    // The published site is still served, and the API no longer lists the expired builds.
    const portfolio = await request(t.app)
      .get(`/api/v1/portfolios/${portfolioId}`)
      .set(...bearer(account.accessToken));
    const site = await request(t.app).get(new URL(portfolio.body.portfolio.url).pathname);
    expect(site.status).toBe(200);
    const builds = await request(t.app)
      .get(`/api/v1/portfolios/${portfolioId}/builds`)
      .set(...bearer(account.accessToken));
    expect(builds.body.builds.map((b: { id: string }) => b.id)).not.toContain(neverPublished.id);

    const metrics = (await request(t.app).get('/metrics')).text;
    expect(metrics).toMatch(/^r2w_builds_expired_total\{kind="build"\} 2$/m);
    expect(metrics).toMatch(/^r2w_builds_expired_total\{kind="orphan_files"\} 2$/m);
    expect(t.logs.filter((l) => l.message === 'expired build deleted').map((l) => l.buildId)).toEqual(expect.arrayContaining([replaced.id, neverPublished.id]));

    // A second replica sweeping the same moment finds nothing left to do.
    expect(await sweep(later)).toEqual({ builds: 0, orphanFolders: 0 });
  }, 120_000);

  it('puts a build back, files untouched, when a publish pointed at it while the sweep deleted it', async () => {
    const account = await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, account);
    const built = await buildAndWait(t.app, account, portfolioId);
    expect(built.status).toBe('succeeded');
    const db = t.container.db;
    const row = await db.build.findUniqueOrThrow({ where: { id: built.id } });
    // The publish lands just after the sweep's delete: the pointer moves in the same moment.
    const deleteMany = db.build.deleteMany.bind(db.build);
    const deleteThenPublish = async (args: Parameters<typeof deleteMany>[0]) => {
      const deleted = await deleteMany(args);
      await db.portfolio.update({ where: { id: portfolioId }, data: { slug: `raced-${portfolioId.slice(0, 8)}`, publishedBuildId: built.id, publishedAt: new Date() } });
      return deleted;
    };
    const spy = jest.spyOn(db.build, 'deleteMany').mockImplementationOnce(deleteThenPublish as unknown as typeof deleteMany);
    const before = await filesOf(portfolioId, built.id);
    try {
      await expireBuilds(t.container, { retentionDays: RETENTION_DAYS, now: new Date(Date.now() + (RETENTION_DAYS + 1) * DAY_MS) });
    } finally {
      spy.mockRestore();
    }
    expect(await db.build.findUnique({ where: { id: built.id } })).toEqual(row);
    expect(await filesOf(portfolioId, built.id)).toBe(before);
    expect(t.logs.some((l) => l.message === 'expired build kept: it was published while being swept' && l.buildId === built.id)).toBe(true);
  }, 120_000);

  it('refuses to publish a build that expired after it was chosen, and leaves the portfolio as it was', async () => {
    const account = await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, account);
    const built = await buildAndWait(t.app, account, portfolioId);
    expect(built.status).toBe('succeeded');
    // The sweep deletes the row between publish's choice of the build and its update: the
    // update is where the row goes, through the database itself.
    const db = t.container.db;
    // Its own address: the first test's portfolio has the name-based one.
    await db.portfolio.update({ where: { id: portfolioId }, data: { slug: `expiring-${portfolioId.slice(0, 8)}` } });
    const update = db.portfolio.update.bind(db.portfolio);
    const sweepThenUpdate = async (args: Parameters<typeof update>[0]) => {
      await expireBuilds(t.container, { retentionDays: RETENTION_DAYS, now: new Date(Date.now() + (RETENTION_DAYS + 1) * DAY_MS) });
      return update(args);
    };
    const spy = jest.spyOn(db.portfolio, 'update').mockImplementationOnce(sweepThenUpdate as unknown as typeof update);
    try {
      const res = await request(t.app)
        .post(`/api/v1/portfolios/${portfolioId}/publish`)
        .set(...bearer(account.accessToken));
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/expired/) });
    } finally {
      spy.mockRestore();
    }
    expect(await db.portfolio.findUniqueOrThrow({ where: { id: portfolioId } })).toMatchObject({ publishedBuildId: null, publishedAt: null });
    expect(await db.build.findUnique({ where: { id: built.id } })).toBeNull();
  }, 120_000);
});
