import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderStorage, readObjectBytes, readObjectText, type ObjectStorage } from '@r2w/storage';
import { fullCv } from './support/full-cv';
import { BuildResultSchema, buildJobKeys, buildJobPrefix, SITE_IMAGES, siteFilesPrefix, type BuildInput } from '../src/task/build-job';
import { runBuildTask } from '../src/task/run-build-task';
import { main } from '../src/main';
import { renderSite } from '../src/render/render-site';

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
  const rendered = renderSite(input.cv, { templateId: 'modern', settings: input.settings });
  expect(result).toMatchObject({ status: 'succeeded', fileCount: rendered.files.length + rendered.packaged.length });
  expect(await resultOf(prefix)).toEqual(result);
  const site = (await storage.list(siteFilesPrefix(input.portfolioId, input.buildId))).map((o) => o.key.slice(siteFilesPrefix(input.portfolioId, input.buildId).length));
  expect(site.filter((file) => !file.startsWith('fonts/')).sort()).toEqual(['404.html', 'favicon.svg', 'index.html', 'robots.txt', 'sitemap.xml']);
  expect(site.filter((file) => file.startsWith('fonts/')).sort()).toEqual(rendered.packaged.map((file) => file.path).sort());
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

describe('images the API made for the build', () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('copies the photo and the share image into the site as they are, and the page uses them', async () => {
    const { input, prefix } = job({ images: { photo: true, openGraphImage: true } });
    await storage.put(buildJobKeys(prefix).photo, JPEG);
    await storage.put(buildJobKeys(prefix).openGraphImage, PNG);
    await given(input, prefix);
    const result = await runBuildTask(prefix, { storage, logger });
    expect(result).toMatchObject({ status: 'succeeded' });
    const site = siteFilesPrefix(input.portfolioId, input.buildId);
    // Counted with the rest of the site (pages, fonts and their licences).
    expect(result.status === 'succeeded' && result.fileCount).toBe((await storage.list(site)).length);
    expect(await storage.head(`${site}${SITE_IMAGES.photo}`)).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length });
    expect(await storage.head(`${site}${SITE_IMAGES.openGraphImage}`)).toMatchObject({ contentType: 'image/png', size: PNG.length });
    expect((await readObjectBytes(storage, `${site}${SITE_IMAGES.openGraphImage}`)).equals(PNG)).toBe(true);
    const html = await readObjectText(storage, `${site}index.html`);
    expect(html).toContain('<img class="hero__photo" src="photo.jpg"');
    expect(html).toContain('<meta property="og:image" content="https://dana.example.com/og-image.png"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });

  it('fails the build, and writes no site, when an image its input names is missing', async () => {
    const { input, prefix } = job({ images: { photo: true, openGraphImage: true } });
    await storage.put(buildJobKeys(prefix).openGraphImage, PNG);
    await given(input, prefix);
    expect(await runBuildTask(prefix, { storage, logger })).toMatchObject({ status: 'failed', code: 'BAD_INPUT', message: 'The build has no photo.jpg, which its input names.' });
    expect(await storage.list(siteFilesPrefix(input.portfolioId, input.buildId))).toEqual([]);
  });
});
