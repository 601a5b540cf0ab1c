import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderStorage, readObjectText, type ObjectStorage } from '@r2w/storage';
import { fullCv } from './support/full-cv';
import { BuildResultSchema, buildJobKeys, buildJobPrefix, siteFilesPrefix, type BuildInput } from '../src/task/build-job';
import { runBuildTask } from '../src/task/run-build-task';
import { main } from '../src/main';

// The renderer, unchanged unless a test makes it throw (a renderer bug). Replaced here, not
// spied on: compiled ES module exports cannot be redefined by jest.spyOn.
const mockRenderFailure: { error?: Error } = {};
jest.mock('../src/render/render-site', () => {
  const actual = jest.requireActual<typeof import('../src/render/render-site')>('../src/render/render-site');
  return {
    ...actual,
    renderSite: (...args: Parameters<typeof actual.renderSite>) => {
      if (mockRenderFailure.error) throw mockRenderFailure.error;
      return actual.renderSite(...args);
    },
  };
});

// The builder task as a pure job: its input and output are objects in storage (a local
// folder here, the same adapter the local product uses).

let dir: string;
let storage: ObjectStorage;
const logger = { info: () => undefined, error: () => undefined };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-build-task-'));
  storage = new LocalFolderStorage({ root: path.join(dir, 'storage') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function job(overrides: Partial<BuildInput> = {}) {
  const input = { buildId: randomUUID(), portfolioId: randomUUID(), templateId: 'modern', settings: { siteUrl: 'https://dana.example.com/' }, cv: fullCv(), ...overrides };
  return { input, prefix: buildJobPrefix(input.portfolioId, input.buildId) };
}

async function given(input: unknown, prefix: string) {
  await storage.put(buildJobKeys(prefix).input, JSON.stringify(input));
}

async function resultOf(prefix: string) {
  return BuildResultSchema.parse(JSON.parse(await readObjectText(storage, buildJobKeys(prefix).result)));
}

it('renders the site under its own prefix, reports progress, and writes the result last', async () => {
  const { input, prefix } = job();
  await given(input, prefix);
  const written: string[] = [];
  const put = storage.put.bind(storage);
  storage.put = (key, body, options) => {
    written.push(key);
    return put(key, body, options);
  };
  const result = await runBuildTask(prefix, { storage, logger });
  expect(result).toMatchObject({ status: 'succeeded', fileCount: 5 });
  expect(await resultOf(prefix)).toEqual(result);
  const site = (await storage.list(siteFilesPrefix(input.portfolioId, input.buildId))).map((o) => o.key.split('/').pop());
  expect(site.sort()).toEqual(['404.html', 'favicon.svg', 'index.html', 'robots.txt', 'sitemap.xml']);
  expect(await readObjectText(storage, `${siteFilesPrefix(input.portfolioId, input.buildId)}sitemap.xml`)).toContain('https://dana.example.com/');
  expect(written.at(-1)).toBe(buildJobKeys(prefix).result);
  expect(written.filter((key) => key === buildJobKeys(prefix).progress).length).toBeGreaterThan(2);
  expect(JSON.parse(await readObjectText(storage, buildJobKeys(prefix).progress))).toMatchObject({ progress: 90 });
});

it('leaves a job that already has a result alone', async () => {
  const { input, prefix } = job();
  await given(input, prefix);
  const first = await runBuildTask(prefix, { storage, logger });
  await storage.deletePrefix(siteFilesPrefix(input.portfolioId, input.buildId));
  expect(await runBuildTask(prefix, { storage, logger })).toEqual(first);
  expect(await storage.list(siteFilesPrefix(input.portfolioId, input.buildId))).toEqual([]);
});

it.each([
  ['a CV that is not a valid CV', { cv: { hero: 'nobody' } }, 'CV_NOT_READY'],
  ['an unknown template', { templateId: 'no-such-template' }, 'UNKNOWN_TEMPLATE'],
  ['a site address that is not absolute', { settings: { siteUrl: 'dana.example.com' } }, 'BAD_INPUT'],
  ['an input without a build id', { buildId: undefined }, 'BAD_INPUT'],
])('ends failed, with nothing under the site prefix, for %s', async (_what, overrides, code) => {
  const { input, prefix } = job();
  await given({ ...input, ...overrides }, prefix);
  const result = await runBuildTask(prefix, { storage, logger });
  expect(result).toMatchObject({ status: 'failed', code });
  expect(await resultOf(prefix)).toEqual(result);
  expect(await storage.list(siteFilesPrefix(input.portfolioId, input.buildId))).toEqual([]);
});

it('ends failed with BAD_INPUT when the input names another build than its job, writing nothing for that build', async () => {
  const { input, prefix } = job();
  const other = randomUUID();
  await given({ ...input, buildId: other }, prefix);
  expect(await runBuildTask(prefix, { storage, logger })).toMatchObject({ status: 'failed', code: 'BAD_INPUT' });
  expect(await storage.list(siteFilesPrefix(input.portfolioId, other))).toEqual([]);
});

it('ends failed with BUILD_FAILED, not as a storage failure, when rendering throws something unexpected', async () => {
  const { input, prefix } = job();
  await given(input, prefix);
  // A renderer bug, whatever it is: the build fails with a reason instead of looking like a dead task.
  const errors: string[] = [];
  mockRenderFailure.error = new TypeError('Cannot read properties of undefined');
  try {
    const result = await runBuildTask(prefix, { storage, logger: { info: () => undefined, error: (message) => void errors.push(message) } });
    expect(result).toMatchObject({ status: 'failed', code: 'BUILD_FAILED' });
    expect(await resultOf(prefix)).toEqual(result);
    expect(errors).toContain('rendering failed');
  } finally {
    delete mockRenderFailure.error;
  }
});

it('ends failed with BAD_INPUT when the input is not JSON or is missing', async () => {
  const { prefix } = job();
  await storage.put(buildJobKeys(prefix).input, '{"buildId":');
  expect(await runBuildTask(prefix, { storage, logger })).toMatchObject({ status: 'failed', code: 'BAD_INPUT', message: 'The build input is not JSON.' });
  const missing = job().prefix;
  expect(await runBuildTask(missing, { storage, logger })).toMatchObject({ status: 'failed', code: 'BAD_INPUT', message: 'The build has no input.' });
});

it('throws, writing no result, when storage fails', async () => {
  const { input, prefix } = job();
  await given(input, prefix);
  storage.put = () => Promise.reject(new Error('disk full'));
  await expect(runBuildTask(prefix, { storage, logger })).rejects.toThrow('disk full');
  expect(await storage.head(buildJobKeys(prefix).result)).toBeNull();
});

describe('main: the task process entry', () => {
  const env = (extra: Record<string, string>) => ({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...extra });

  it('exits 0 after a build that succeeded, reading storage from DATA_DIR', async () => {
    const { input, prefix } = job();
    await given(input, prefix);
    await expect(main(env({ BUILD_JOB: prefix }))).resolves.toBe(0);
    expect((await resultOf(prefix)).status).toBe('succeeded');
  });

  it('exits 1 after a build that failed', async () => {
    const { input, prefix } = job({ templateId: 'no-such-template' });
    await given(input, prefix);
    await expect(main(env({ BUILD_JOB: prefix }))).resolves.toBe(1);
  });

  it('exits 2, naming the variable, when misconfigured', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    try {
      await expect(main(env({ BUILD_JOB: '../etc/' }))).resolves.toBe(2);
      await expect(main(env({ BUILD_JOB: buildJobPrefix(randomUUID(), randomUUID()), STORAGE_DRIVER: 's3' }))).resolves.toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors[0]).toMatch(/BUILD_JOB: must be a build job prefix/);
    expect(errors[1]).toMatch(/S3_BUCKET: is required when STORAGE_DRIVER=s3/);
  });
});
