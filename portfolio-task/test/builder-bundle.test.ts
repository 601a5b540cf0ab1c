import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LocalFolderStorage, readObjectText } from '@r2w/storage';
import { fullCv } from './support/full-cv';
import { BuildResultSchema, buildJobKeys, buildJobPrefix, siteFilesPrefix, type BuildInput } from '../src/task/build-job';
import { BUNDLE_FILE, CODE_CACHE_SUFFIX } from '../src/builder';
import { renderSite } from '../src/render/render-site';

// The built builder (scripts/bundle-builder.ts, as `npm run build` makes it) started as
// the image and the local task runner start it: a bare `node builder.js` with the job in
// its environment. The code cache is what makes it start fast, so a cache that V8 refuses
// must show in this test, and a refused or lost cache must still build.

const run = promisify(execFile);
const packageDir = path.resolve(__dirname, '..');
let dir: string;
let outDir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-builder-bundle-'));
  outDir = path.join(dir, 'dist');
  await run(process.execPath, ['--conditions=r2w-source', '--import', 'tsx', 'scripts/bundle-builder.ts', outDir], { cwd: packageDir });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function buildWithBundle(input: Partial<BuildInput> = {}) {
  const storage = new LocalFolderStorage({ root: path.join(dir, 'storage') });
  const portfolioId = randomUUID();
  const buildId = randomUUID();
  const job = buildJobPrefix(portfolioId, buildId);
  await storage.put(buildJobKeys(job).input, JSON.stringify({ buildId, portfolioId, templateId: 'academic', settings: { siteUrl: 'https://dana.example.com/' }, cv: fullCv(), ...input }));
  const { stdout } = await run(process.execPath, [path.join(outDir, 'builder.js')], { env: { PATH: process.env.PATH, DATA_DIR: dir, BUILD_JOB: job, LOG_LEVEL: 'info' } });
  const result = BuildResultSchema.parse(JSON.parse(await readObjectText(storage, buildJobKeys(job).result)));
  const logs = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; message: string });
  const home = () => readObjectText(storage, `${siteFilesPrefix(portfolioId, buildId)}index.html`);
  return { result, logs, home };
}

const cacheFile = () => path.join(outDir, 'bundle', BUNDLE_FILE + CODE_CACHE_SUFFIX);

it('builds a site from its input with the code cache made at build time', async () => {
  const { result, logs } = await buildWithBundle();
  // The five pages and files, and the academic template's fonts with their licences, read from the copies beside the bundle.
  expect(result).toMatchObject({ status: 'succeeded', fileCount: 5 + renderSite(fullCv(), { templateId: 'academic' }).packaged.length });
  expect(logs.filter((line) => line.level === 'warn')).toEqual([]);
  expect(logs.at(-1)).toMatchObject({ level: 'info', message: 'build succeeded' });
});

it('builds the site in the CV’s language the API read, and carries no language detection of its own', async () => {
  const { result, home } = await buildWithBundle({ cvLanguage: 'he' });
  expect(result.status).toBe('succeeded');
  expect(await home()).toMatch(/<html lang="he" dir="rtl"/);
  // franc's names survive the bundle's minification, as do its trigram tables (Spanish's first).
  const bundle = readFileSync(path.join(outDir, 'bundle', BUNDLE_FILE), 'utf8');
  expect(bundle).not.toContain('francAll');
  expect(bundle).not.toContain(' de|de |os | la|');
});

it('still builds, and says so, when V8 refuses the code cache', async () => {
  writeFileSync(cacheFile(), Buffer.alloc(4096, 7));
  const { result, logs } = await buildWithBundle();
  expect(result.status).toBe('succeeded');
  expect(logs.find((line) => line.level === 'warn')?.message).toMatch(/code cache was rejected/);
});

it('still builds, and says so, without a code cache', async () => {
  rmSync(cacheFile());
  const { result, logs } = await buildWithBundle();
  expect(result.status).toBe('succeeded');
  expect(logs.find((line) => line.level === 'warn')?.message).toMatch(/code cache was missing/);
});
