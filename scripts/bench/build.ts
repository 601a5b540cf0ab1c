// npm run bench:build — the portfolio builder's speed and output size.
//   1. In-process render of a full 18-section CV per template (median of many), and the
//      home page's size, plain and gzipped (build-render.ts).
//   2. The whole builder process (`node --snapshot-blob portfolio-task/dist/bundle/builder.blob`,
//      as the image and the local task runner start it: start, read the job's input from the
//      local storage folder, render, write the site and the result, exit), median of several
//      runs, next to a bare `node -e 0` start measured in the same run (shared machines are
//      noisy, so the ratio is the figure to compare between runs), and the same task started
//      from tsc's output (dist/main.js: no bundle, no snapshot) to show what the snapshot buys.
//   3. A build through the API as a user sees it: POST /api/v1/portfolios/:id/builds, then
//      GET the build until it has succeeded (the built API on the embedded defaults).
// Targets: < 100 ms in-process, the whole process within 5× a bare node start, < 30 KB
// gzipped home page.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toJsonResume } from '../../cv-schema/src/index';
import { buildJobKeys, buildJobPrefix } from '../../portfolio-task/src/task/build-job';
import { LocalFolderStorage, readObjectText } from '../../storage/src/index';
import { benchRenderInProcess } from './build-render';
import { fullCv } from '../../cv-schema/test/fixtures/full-cv';
import { freePort, waitFor } from '../../backend/test/support/ports';

const root = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr?.toString().slice(0, 500)}`);
  return ms;
}

async function benchWholeProcess() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-bench-'));
  const storage = new LocalFolderStorage({ root: path.join(dataDir, 'storage') });
  const env = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  try {
    const portfolioId = randomUUID();
    const build = async (args: string[]) => {
      const buildId = randomUUID();
      const prefix = buildJobPrefix(portfolioId, buildId);
      await storage.put(buildJobKeys(prefix).input, JSON.stringify({ buildId, portfolioId, templateId: 'modern', settings: { siteUrl: 'https://dana.example.com/' }, cv: fullCv() }));
      const ms = timeProcess(args, { ...env, BUILD_JOB: prefix });
      const result = JSON.parse(await readObjectText(storage, buildJobKeys(prefix).result)) as { status: string };
      if (result.status !== 'succeeded') throw new Error(`benchmark build ${buildId} ended ${JSON.stringify(result)}`);
      return ms;
    };
    const baseline: number[] = [];
    const builder: number[] = [];
    const fromTsc: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(timeProcess(['-e', '0'], env));
      builder.push(await build(['--snapshot-blob', path.join(root, 'portfolio-task/dist/bundle/builder.blob')]));
      fromTsc.push(await build([path.join(root, 'portfolio-task/dist/main.js')]));
    }
    return { baselineMs: median(baseline), builderMs: median(builder), fromTscMs: median(fromTsc) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function call(url: string, init: RequestInit & { json?: unknown; token?: string } = {}): Promise<any> {
  const { json, token, ...rest } = init;
  const headers: Record<string, string> = { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { ...rest, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) });
  const body = await response.json();
  if (!response.ok) throw new Error(`${rest.method ?? 'GET'} ${url} answered ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** POST a build, then GET it until it has succeeded, as the SPA does; median of RUNS. */
async function benchApiBuild() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-bench-api-build-'));
  const port = await freePort();
  const api = spawn(process.execPath, ['backend/dist/server.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIR: 'none',
      PASSWORD_SCRYPT_LOG2N: '14',
      RATE_LIMIT_BUILD: '1000/1m',
      MAX_ACTIVE_BUILDS_PER_USER: '100',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, { what: 'the API', timeoutMs: 60_000 });
    const { accessToken: token } = await call(`${base}/auth/register`, { method: 'POST', json: { email: `bench-${randomUUID()}@example.com`, password: 'correct horse battery' } });
    const { cv } = await call(`${base}/cvs/import`, { method: 'POST', token, json: toJsonResume(fullCv()) });
    const { portfolio } = await call(`${base}/portfolios`, { method: 'POST', token, json: { cvId: cv.id, templateId: 'modern' } });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const { build } = await call(`${base}/portfolios/${portfolio.id}/builds`, { method: 'POST', token });
      let status = build.status as string;
      while (status !== 'succeeded') {
        if (status === 'failed') throw new Error(`benchmark build ${build.id} failed`);
        await new Promise((resolve) => setTimeout(resolve, 25));
        status = (await call(`${base}/portfolios/${portfolio.id}/builds/${build.id}`, { token })).build.status;
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return median(times);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  await benchRenderInProcess();
  const { baselineMs, builderMs, fromTscMs } = await benchWholeProcess();
  console.log('\nWhole builder process (modern template, full CV)');
  console.log(`  bare node start (baseline)                median ${baselineMs.toFixed(0)} ms`);
  const ratio = builderMs / baselineMs;
  console.log(`  from the start-up snapshot (builder.blob) median ${builderMs.toFixed(0)} ms   ${ratio.toFixed(1)}× baseline   target ≤ 5×: ${ratio <= 5 ? 'met' : 'NOT met'}`);
  console.log(`  from tsc's output (dist/main.js)          median ${fromTscMs.toFixed(0)} ms   ${(fromTscMs / baselineMs).toFixed(1)}× baseline`);
  const apiMs = await benchApiBuild();
  console.log(`\nA build through the API (POST, then GET until succeeded; embedded defaults)\n  median ${apiMs.toFixed(0)} ms over ${RUNS} builds`);
  if (ratio > 5) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
