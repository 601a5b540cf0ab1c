// npm run bench:build — the portfolio builder's speed and output size.
//   1. In-process render of a full 18-section CV per template (median of many), and the
//      home page's size, plain and gzipped (build-render.ts).
//   2. The whole builder process (`node portfolio-task/dist/main.js`: start, load the
//      build from SQLite, render, write to the local storage folder, exit), median of
//      several runs, next to a bare `node -e 0` start measured in the same run: shared
//      machines are noisy, so the ratio is the figure to compare between runs.
// Targets: < 100 ms in-process, < 1.5 s whole process, < 30 KB gzipped home page.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../backend/src/db/database';
import { benchRenderInProcess } from './build-render';
import { fullCv } from '../../cv-schema/test/fixtures/full-cv';

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
  const databaseUrl = `file:${path.join(dataDir, 'r2w.db')}`;
  execFileSync(process.execPath, [path.join(root, 'scripts/db-migrate.mjs'), 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
  const { db, close } = createDatabase({ url: databaseUrl, provider: 'sqlite', migrateOnStart: false, connectTimeoutSeconds: 5 });
  const env = { PATH: process.env.PATH, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' };
  try {
    const user = await db.user.create({ data: { id: randomUUID(), email: `bench-${Date.now()}@example.com` } });
    const cv = await db.cv.create({ data: { id: randomUUID(), userId: user.id, status: 'ready', data: fullCv() as object } });
    const portfolio = await db.portfolio.create({ data: { id: randomUUID(), userId: user.id, cvId: cv.id, templateId: 'modern' } });
    const baseline: number[] = [];
    const builder: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(timeProcess(['-e', '0'], env));
      const build = await db.build.create({ data: { id: randomUUID(), portfolioId: portfolio.id, templateId: 'modern' } });
      builder.push(timeProcess([path.join(root, 'portfolio-task/dist/main.js')], { ...env, BUILD_ID: build.id }));
      const done = await db.build.findUniqueOrThrow({ where: { id: build.id } });
      if (done.status !== 'succeeded') throw new Error(`benchmark build ${build.id} ended ${done.status}: ${done.errorMessage}`);
    }
    return { baselineMs: median(baseline), builderMs: median(builder) };
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  await benchRenderInProcess();
  const { baselineMs, builderMs } = await benchWholeProcess();
  console.log('\nWhole builder process (node portfolio-task/dist/main.js, modern template, full CV)');
  console.log(`  bare node start (baseline)  median ${baselineMs.toFixed(0)} ms`);
  console.log(`  builder process             median ${builderMs.toFixed(0)} ms   ${(builderMs / baselineMs).toFixed(1)}× baseline   target < 1500 ms: ${builderMs < 1500 ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
