import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildJobKeys, buildJobPrefix, BuildInputSchema } from '@r2w/portfolio-task/build-job';
import { readObjectText } from '@r2w/storage';
import request from 'supertest';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { createSamplePortfolio } from '../support/portfolio-steps';
import { waitFor } from '../support/ports';
import { createTestApp, type TestApp } from '../support/test-app';

// The API's side of the build job: what it hands the task, and how it learns the end from
// the objects the task writes. The builders here are held (never released), so the job's
// objects are written by the test, as a task on another machine would write them.

let t: TestApp;
let user: Account;
beforeAll(async () => {
  const never = path.join(process.env.R2W_TEST_DIR!, `never-released-${randomUUID()}`);
  t = createTestApp({ TASK_COMMAND: `env BUILDER_RELEASE_FILE=${never} node --import tsx backend/test/support/held-builder.ts` });
  user = await registerAccount(t.app);
});
afterAll(() => t.close());

async function startBuild() {
  const portfolioId = await createSamplePortfolio(t.app, user);
  const res = await request(t.app)
    .post(`/api/v1/portfolios/${portfolioId}/builds`)
    .set(...bearer(user.accessToken));
  expect(res.status).toBe(202);
  const keys = buildJobKeys(buildJobPrefix(portfolioId, res.body.build.id));
  return { portfolioId, buildId: res.body.build.id as string, keys };
}

const getBuild = (portfolioId: string, buildId: string) =>
  request(t.app)
    .get(`/api/v1/portfolios/${portfolioId}/builds/${buildId}`)
    .set(...bearer(user.accessToken));

it('hands the task everything it needs in the job input: ids, template, settings with the site address, the CV and its language', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  const input = BuildInputSchema.parse(JSON.parse(await readObjectText(t.container.storage, keys.input)));
  expect(input).toMatchObject({ buildId, portfolioId, templateId: 'minimal', settings: {}, cvLanguage: 'en' });
  expect(input.cv.hero.fullName).toBe('Richard Hendriks');
});

it('shows the progress the task reports, then records the result it writes, and deletes the job objects', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  const { storage } = t.container;
  await storage.put(keys.progress, JSON.stringify({ progress: 40, message: 'Saving your site (1 of 5 files)', at: new Date().toISOString() }));
  const running = (await getBuild(portfolioId, buildId)).body.build;
  expect(running).toMatchObject({ status: 'running', progress: 40, progressMessage: 'Saving your site (1 of 5 files)' });
  expect(running.startedAt).not.toBeNull();

  await storage.put(`sites/${portfolioId}/${buildId}/index.html`, '<!doctype html><title>Site</title>');
  const startedAt = new Date(Date.now() - 1000).toISOString();
  await storage.put(keys.result, JSON.stringify({ status: 'succeeded', fileCount: 1, totalBytes: 34, startedAt, finishedAt: new Date().toISOString() }));
  const done = (await getBuild(portfolioId, buildId)).body.build;
  expect(done).toMatchObject({ status: 'succeeded', progress: 100, startedAt });
  expect(done.previewUrl).toEqual(expect.any(String));
  const row = await t.container.db.build.findUniqueOrThrow({ where: { id: buildId } });
  expect(row).toMatchObject({ fileCount: 1, totalBytes: 34 });
  await waitFor(async () => (await storage.list(buildJobPrefix(portfolioId, buildId))).length === 0, { what: 'the job objects to go' });
});

it('records a failed result with its code and message', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  const at = new Date().toISOString();
  await t.container.storage.put(keys.result, JSON.stringify({ status: 'failed', code: 'UNKNOWN_TEMPLATE', message: 'There is no template "x".', startedAt: at, finishedAt: at }));
  expect((await getBuild(portfolioId, buildId)).body.build).toMatchObject({ status: 'failed', error: { code: 'UNKNOWN_TEMPLATE', message: 'There is no template "x".' } });
});

it('fails a build whose result cannot be read, instead of waiting for ever', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  await t.container.storage.put(keys.result, '{"status":"succeeded"');
  expect((await getBuild(portfolioId, buildId)).body.build).toMatchObject({ status: 'failed', error: { code: 'BUILD_FAILED' } });
});

it('stops and fails a build that runs past the time limit, and removes what its job left', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  await t.container.storage.put(`sites/${portfolioId}/${buildId}/index.html`, '<!doctype html><title>Half</title>');
  // As if it had started long ago and gone quiet (the held builder never finishes).
  const longAgo = new Date(Date.now() - 2 * 3600 * 1000);
  await t.container.db.build.update({ where: { id: buildId }, data: { createdAt: longAgo, updatedAt: longAgo } });
  const build = (await getBuild(portfolioId, buildId)).body.build;
  expect(build).toMatchObject({ status: 'failed', error: { code: 'BUILD_TIMED_OUT' } });
  expect(await t.container.storage.head(keys.input)).toBeNull();
  expect(await t.container.storage.list(`sites/${portfolioId}/${buildId}/`)).toEqual([]);
  const { taskId } = await t.container.db.build.findUniqueOrThrow({ where: { id: buildId } });
  await waitFor(async () => (await t.container.taskRunner.status(taskId!)).state === 'stopped', { what: 'the builder to be stopped' });
});

it('stops the builder when its portfolio is deleted mid-build, and leaves no job objects', async () => {
  const { portfolioId, buildId } = await startBuild();
  const { taskId } = await t.container.db.build.findUniqueOrThrow({ where: { id: buildId } });
  expect((await t.container.taskRunner.status(taskId!)).state).toBe('running');
  expect(
    (
      await request(t.app)
        .delete(`/api/v1/portfolios/${portfolioId}`)
        .set(...bearer(user.accessToken))
    ).status,
  ).toBe(204);
  await waitFor(async () => (await t.container.taskRunner.status(taskId!)).state === 'stopped', { what: 'the builder to be stopped' });
  expect(await t.container.storage.list(`builds/${portfolioId}/`)).toEqual([]);
});

it('records the end once when many readers settle the build at the same moment', async () => {
  const { portfolioId, buildId, keys } = await startBuild();
  const at = new Date().toISOString();
  await t.container.storage.put(keys.result, JSON.stringify({ status: 'succeeded', fileCount: 5, totalBytes: 100, startedAt: at, finishedAt: at }));
  const before = await t.container.metrics.builds.get();
  const succeeded = () => before.values.find((v) => v.labels.outcome === 'succeeded')?.value ?? 0;
  const counted = succeeded();
  const answers = await Promise.all(Array.from({ length: 8 }, () => getBuild(portfolioId, buildId)));
  expect(answers.map((a) => a.body.build.status)).toEqual(Array(8).fill('succeeded'));
  const after = (await t.container.metrics.builds.get()).values.find((v) => v.labels.outcome === 'succeeded')?.value ?? 0;
  expect(after - counted).toBe(1);
});
