import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LocalFolderStorage, readObjectBytes, readObjectText } from '@r2w/storage';
import { fullCv } from './support/full-cv';
import { BuildResultSchema, buildJobKeys, buildJobPrefix, siteFilesPrefix, type BuildInput } from '../src/task/build-job';
import { renderSite } from '../src/render/render-site';
import { readPackagedFile } from '../src/task/packaged-files';

// The built builder (scripts/bundle-builder.ts, as `npm run build` makes it) started as the
// image and the local task runner start it: `node --snapshot-blob builder.blob` with the job
// in its environment. What the snapshot holds was made once, at build time: these tests
// check that a build from it reads its own environment and input, and writes the same site
// as the renderer run afresh.

const run = promisify(execFile);
const packageDir = path.resolve(__dirname, '..');
let dir: string;
let outDir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-builder-snapshot-'));
  outDir = path.join(dir, 'dist');
  await run(process.execPath, ['--conditions=r2w-source', '--import', 'tsx', 'scripts/bundle-builder.ts', outDir], { cwd: packageDir });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storage = () => new LocalFolderStorage({ root: path.join(dir, 'storage') });

async function buildFromSnapshot(input: Partial<BuildInput> = {}, blob = path.join(outDir, 'bundle', 'builder.blob')) {
  const portfolioId = randomUUID();
  const buildId = randomUUID();
  const job = buildJobPrefix(portfolioId, buildId);
  await storage().put(buildJobKeys(job).input, JSON.stringify({ buildId, portfolioId, templateId: 'academic', settings: { siteUrl: 'https://dana.example.com/' }, cv: fullCv(), ...input }));
  const { stdout } = await run(process.execPath, ['--snapshot-blob', blob], { env: { PATH: process.env.PATH, DATA_DIR: dir, BUILD_JOB: job, LOG_LEVEL: 'info' } });
  const result = BuildResultSchema.parse(JSON.parse(await readObjectText(storage(), buildJobKeys(job).result)));
  const logs = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; message: string; job?: string });
  const file = (name: string) => readObjectBytes(storage(), `${siteFilesPrefix(portfolioId, buildId)}${name}`);
  return { job, result, logs, file };
}

it('builds from the snapshot the same site the renderer writes, fonts included', async () => {
  const { job, result, logs, file } = await buildFromSnapshot();
  const expected = renderSite(fullCv(), { templateId: 'academic', settings: { siteUrl: 'https://dana.example.com/' } });
  expect(result).toMatchObject({ status: 'succeeded', fileCount: expected.files.length + expected.packaged.length });
  for (const page of expected.files) expect((await file(page.path)).toString('utf8')).toBe(page.body);
  // Read from the copies beside the blob, found through the real require the snapshot makes when it starts.
  for (const packaged of expected.packaged) expect((await file(packaged.path)).equals(await readPackagedFile(packaged))).toBe(true);
  expect(logs.filter((line) => line.level !== 'info')).toEqual([]);
  // The job in the log lines is this run's, not one the snapshot could have kept from build time.
  expect(logs.at(-1)).toMatchObject({ level: 'info', message: 'build succeeded', job });
});

it('builds each input as given: another template, and the language the API read', async () => {
  const { result, file } = await buildFromSnapshot({ templateId: 'dark', cvLanguage: 'he' });
  expect(result.status).toBe('succeeded');
  const home = (await file('index.html')).toString('utf8');
  expect(home).toMatch(/<html lang="he" dir="rtl"/);
  expect(home).toContain('site--dark');
});

it('reads its configuration when it starts, and refuses a bad one', async () => {
  const failure = await run(process.execPath, ['--snapshot-blob', path.join(outDir, 'bundle', 'builder.blob')], { env: { PATH: process.env.PATH, BUILD_JOB: 'not-a-job' } }).catch(
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('BUILD_JOB: must be a build job prefix') });
});

it('draws fresh random ids in each process, none kept from build time', async () => {
  const preload = path.join(dir, 'print-uuid.js');
  writeFileSync(preload, "process.stdout.write(require('node:crypto').randomUUID() + '\\n');");
  const ids = await Promise.all(
    [1, 2].map(() =>
      run(process.execPath, ['-r', preload, '--snapshot-blob', path.join(outDir, 'bundle', 'builder.blob')], { env: { PATH: process.env.PATH } }).catch((error: { stdout: string }) => error),
    ),
  );
  const [first, second] = ids.map((result) => result.stdout.trim());
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  expect(second).not.toBe(first);
});

it('says how to start it when the snapshot comes through NODE_OPTIONS', async () => {
  const failure = await run(process.execPath, [], { env: { PATH: process.env.PATH, NODE_OPTIONS: `--snapshot-blob ${path.join(outDir, 'bundle', 'builder.blob')}` } }).catch(
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('not through NODE_OPTIONS') });
});

it('still finds its files when the folder has moved', async () => {
  const moved = path.join(dir, 'moved');
  cpSync(path.join(outDir, 'bundle'), moved, { recursive: true });
  rmSync(path.join(outDir, 'bundle'), { recursive: true });
  try {
    const { result } = await buildFromSnapshot({}, path.join(moved, 'builder.blob'));
    expect(result.status).toBe('succeeded');
  } finally {
    cpSync(moved, path.join(outDir, 'bundle'), { recursive: true });
  }
});
