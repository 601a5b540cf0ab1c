import request from 'supertest';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { startFakeKvs, type FakeKvs } from '../../../scripts/aws-local/fake-kvs';
import { buildAndWait, createSamplePortfolio } from '../support/portfolio-steps';
import { createTestApp, type TestApp } from '../support/test-app';

// Publishing with SITE_POINTERS=cloudfront-kvs: every change to what a slug shows is also
// written to the CloudFront KeyValueStore (a local stand-in here), and a change the store
// refuses is undone in the database, so the two never disagree.

const OUTAGE = { status: 500, type: 'InternalServerException' };
const AWS_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };

let kvs: FakeKvs;
let t: TestApp;
let user: Account;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  // The SDK's default credential chain reads these; the application itself never does.
  for (const [name, value] of Object.entries(AWS_CREDENTIALS)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  kvs = await startFakeKvs();
  t = createTestApp({ SITE_POINTERS: 'cloudfront-kvs', CLOUDFRONT_KVS_ARN: kvs.arn, CLOUDFRONT_KVS_ENDPOINT_URL: kvs.endpoint });
  user = await registerAccount(t.app);
});
afterAll(async () => {
  await t.close();
  await kvs.close();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterEach(() => {
  kvs.failWith = null;
});

let slugs = 0;
const uniqueSlug = (tag: string) => `${tag}-${process.pid}-${Date.now().toString(36)}-${(slugs += 1)}`;
const prefixOf = (portfolioId: string, buildId: string) => `sites/${portfolioId}/${buildId}/`;

async function builtPortfolio(slug: string, account = user): Promise<{ id: string; buildId: string }> {
  const id = await createSamplePortfolio(t.app, account);
  const build = await buildAndWait(t.app, account, id);
  expect(build.status).toBe('succeeded');
  expect(
    (
      await request(t.app)
        .patch(`/api/v1/portfolios/${id}`)
        .set(...bearer(account.accessToken))
        .send({ slug })
    ).status,
  ).toBe(200);
  return { id, buildId: build.id };
}

const api = {
  publish: (id: string, account = user) =>
    request(t.app)
      .post(`/api/v1/portfolios/${id}/publish`)
      .set(...bearer(account.accessToken)),
  unpublish: (id: string) =>
    request(t.app)
      .post(`/api/v1/portfolios/${id}/unpublish`)
      .set(...bearer(user.accessToken)),
  rename: (id: string, slug: string | null) =>
    request(t.app)
      .patch(`/api/v1/portfolios/${id}`)
      .set(...bearer(user.accessToken))
      .send({ slug }),
  get: async (id: string) =>
    (
      await request(t.app)
        .get(`/api/v1/portfolios/${id}`)
        .set(...bearer(user.accessToken))
    ).body.portfolio,
  site: async (slug: string) => (await request(t.app).get(`/sites/${slug}/`)).status,
};

async function pointerChanges(action: 'set' | 'remove', outcome: 'ok' | 'failed'): Promise<number> {
  const metric = await t.container.metrics.sitePointerChanges.get();
  return metric.values.find((v) => v.labels.action === action && v.labels.outcome === outcome)?.value ?? 0;
}

describe('published addresses in the CloudFront KeyValueStore', () => {
  it('publish points the slug at the build, a slug change moves it, unpublish removes it', async () => {
    const first = uniqueSlug('jane');
    const { id, buildId } = await builtPortfolio(first);
    const setsBefore = await pointerChanges('set', 'ok');

    expect((await api.publish(id)).status).toBe(200);
    expect(kvs.entries.get(first)).toBe(prefixOf(id, buildId));
    expect(await api.site(first)).toBe(200);
    expect(await pointerChanges('set', 'ok')).toBe(setsBefore + 1);
    expect(t.logs).toContainEqual(expect.objectContaining({ message: 'site pointer changed', action: 'set', slug: first, portfolioId: id, buildId, store: 'cloudfront-kvs' }));

    const second = uniqueSlug('jane-moved');
    const moved = await api.rename(id, second);
    expect(moved.status).toBe(200);
    expect(moved.body.portfolio).toMatchObject({ slug: second, published: true, url: expect.stringContaining(`/${second}/`) });
    expect(kvs.entries.get(second)).toBe(prefixOf(id, buildId));
    expect(kvs.entries.has(first)).toBe(false);

    expect((await api.unpublish(id)).status).toBe(200);
    expect(kvs.entries.has(second)).toBe(false);
    expect(await api.site(second)).toBe(404);
  });

  it('when the store fails, publish answers 503 and the portfolio stays as it was, losing nothing stored before', async () => {
    const slug = uniqueSlug('outage');
    const { id, buildId: firstBuild } = await builtPortfolio(slug);

    kvs.failWith = OUTAGE;
    const refused = await api.publish(id);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(await api.get(id)).toMatchObject({ published: false, publishedBuildId: null, slug });
    expect(await api.site(slug)).toBe(404);
    expect(kvs.entries.has(slug)).toBe(false);

    kvs.failWith = null;
    expect((await api.publish(id)).status).toBe(200);
    const secondBuild = await buildAndWait(t.app, user, id);
    expect(secondBuild.status).toBe('succeeded');

    kvs.failWith = OUTAGE;
    expect((await api.publish(id)).status).toBe(503);
    expect(await api.get(id)).toMatchObject({ published: true, publishedBuildId: firstBuild, slug });
    expect(await api.site(slug)).toBe(200);
    expect(kvs.entries.get(slug)).toBe(prefixOf(id, firstBuild));

    // Unpublishing, moving and deleting are refused the same way and change nothing.
    expect((await api.unpublish(id)).status).toBe(503);
    expect((await api.rename(id, uniqueSlug('elsewhere'))).status).toBe(503);
    expect(
      (
        await request(t.app)
          .delete(`/api/v1/portfolios/${id}`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(503);
    expect(await api.get(id)).toMatchObject({ published: true, publishedBuildId: firstBuild, slug });
    expect(kvs.entries.get(slug)).toBe(prefixOf(id, firstBuild));
    expect(await pointerChanges('set', 'failed')).toBeGreaterThan(0);
  });

  it('undoes the new address when the old one cannot be removed', async () => {
    const old = uniqueSlug('stays');
    const { id, buildId } = await builtPortfolio(old);
    expect((await api.publish(id)).status).toBe(200);

    kvs.failWith = { ...OUTAGE, key: old };
    const target = uniqueSlug('never');
    expect((await api.rename(id, target)).status).toBe(503);
    expect(await api.get(id)).toMatchObject({ slug: old, published: true });
    expect([...kvs.entries].filter(([key]) => key === old || key === target)).toEqual([[old, prefixOf(id, buildId)]]);
  });

  it('deleting a published portfolio or the whole account removes its addresses', async () => {
    const deleted = uniqueSlug('deleted');
    const { id } = await builtPortfolio(deleted);
    expect((await api.publish(id)).status).toBe(200);
    expect(kvs.entries.has(deleted)).toBe(true);
    expect(
      (
        await request(t.app)
          .delete(`/api/v1/portfolios/${id}`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(204);
    expect(kvs.entries.has(deleted)).toBe(false);

    const leaving = await registerAccount(t.app);
    const theirs = uniqueSlug('leaving');
    const { id: theirId } = await builtPortfolio(theirs, leaving);
    expect((await api.publish(theirId, leaving)).status).toBe(200);
    expect(kvs.entries.has(theirs)).toBe(true);

    kvs.failWith = OUTAGE;
    expect(
      (
        await request(t.app)
          .delete('/api/v1/auth/me')
          .set(...bearer(leaving.accessToken))
      ).status,
    ).toBe(503);
    expect(kvs.entries.has(theirs)).toBe(true);
    expect(await api.site(theirs)).toBe(200);

    kvs.failWith = null;
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: leaving.email, password: 'correct horse battery' });
    expect(
      (
        await request(t.app)
          .delete('/api/v1/auth/me')
          .set(...bearer(login.body.accessToken))
      ).status,
    ).toBe(204);
    expect(kvs.entries.has(theirs)).toBe(false);
    expect(await api.site(theirs)).toBe(404);
  });

  it('deleting the CV of a published portfolio removes its address too, and keeps everything when the store fails', async () => {
    const slug = uniqueSlug('cv-deleted');
    const { id } = await builtPortfolio(slug);
    expect((await api.publish(id)).status).toBe(200);
    const cvId = (await api.get(id)).cvId as string;
    const deleteCv = () =>
      request(t.app)
        .delete(`/api/v1/cvs/${cvId}`)
        .set(...bearer(user.accessToken));

    kvs.failWith = OUTAGE;
    expect((await deleteCv()).status).toBe(503);
    expect(kvs.entries.has(slug)).toBe(true);
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${cvId}`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(200);
    expect(await api.site(slug)).toBe(200);

    kvs.failWith = null;
    expect((await deleteCv()).status).toBe(204);
    expect(kvs.entries.has(slug)).toBe(false);
    expect(await api.site(slug)).toBe(404);
  });

  it('reports the store in readiness', async () => {
    const ready = await request(t.app).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.sitePointers).toEqual({ status: 'ok' });
    kvs.failWith = OUTAGE;
    const down = await request(t.app).get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.failing).toEqual(['sitePointers']);
  });
});
