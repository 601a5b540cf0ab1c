// npm run bench:api — the API under load, from outside, next to bare Express.
//   1. Three processes on loopback: a bare Express hello-world (scripts/bench/bare-express.mjs),
//      the built API on PostgreSQL + Redis (a fresh database and Redis key prefix for the
//      run, dropped after), and the built API on the embedded defaults (a fresh DATA_DIR:
//      SQLite, sessions in memory, the local queue and the extraction worker in-process).
//   2. autocannon, 64 connections, against bare Express and an authenticated
//      GET /api/v1/cvs/:id (a full 18-section CV imported as JSON Resume) in alternating
//      rounds (bare, pg, bare, sqlite, …), so a busy moment of a shared machine hits both
//      sides of a ratio. Medians of the rounds and the ratios against bare Express measured
//      in the same run are the figures to compare between runs.
//   3. 200 concurrent anonymous text-CV uploads to each API, then every CV followed until
//      it is ready or failed: none may be lost.
// Targets: req/s ratio ≥ 0.5 (PostgreSQL + Redis) and ≥ 0.4 (embedded); p99 within 2× bare
// Express's p99; no request unanswered; every upload answered 202 and extracted.
// BENCH_ROUNDS (rounds per API, default 5) and BENCH_SECONDS (per round, default 6) scale it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { Client } from 'pg';
import { toJsonResume } from '../../cv-schema/src/index';
import { fullCv } from '../../cv-schema/test/fixtures/full-cv';
import { adminPostgresUrl, migrate, postgresUrlFor } from '../../backend/test/support/databases';
import { freePort, waitFor } from '../../backend/test/support/ports';

const root = path.resolve(__dirname, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 64;
const UPLOADS = 200;
// Longer than any healthy answer, so that a stall shows up as a timeout, not as a wait.
const REQUEST_TIMEOUT_SECONDS = 10;
const EXTRACTION_DEADLINE_MS = 5 * 60_000;
const TARGET_RATIO = { pg: 0.5, sqlite: 0.4 } as const;
const TEXT_CV = Buffer.from(
  'Jane Doe\nSoftware Engineer\njane@example.com\n+44 20 7946 0000\n\nEXPERIENCE\nAcme Corp — Engineer, 2019 – Present\n• Built the billing service\n\nEDUCATION\nUniversity of Leeds — BSc Computer Science, 2015 – 2019\n\nSKILLS\nTypeScript, PostgreSQL, Redis\n',
);

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

interface Target {
  key: 'bare' | 'pg' | 'sqlite';
  label: string;
  url: string;
  headers: Record<string, string>;
}

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Starts a server process and adds it to `servers` at once, so that it is stopped even if it never listens. */
async function startServer(servers: Server[], name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept short: the API's log lines are only wanted when something goes wrong.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const server = { name, url, child, output: () => output };
  servers.push(server);
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
      return (await fetch(url + (name === 'bare Express' ? '/' : '/health/live'))).ok;
    },
    { what: `${name} to listen`, timeoutMs: 60_000 },
  );
  return server;
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const force = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: any }> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...(rest.headers ?? {}) } }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A signed-in user owning one full CV: the authenticated GET every round repeats. */
async function cvTarget(key: 'pg' | 'sqlite', label: string, api: Server): Promise<Target> {
  const email = `bench-${randomBytes(6).toString('hex')}@example.com`;
  const registered = await call(`${api.url}/api/v1/auth/register`, { method: 'POST', json: { email, password: 'correct horse battery', name: 'Bench Person' } });
  if (registered.status !== 201) throw new Error(`${label}: register answered ${registered.status} ${JSON.stringify(registered.body)}`);
  const headers = { authorization: `Bearer ${registered.body.accessToken as string}` };
  const imported = await call(`${api.url}/api/v1/cvs/import`, { method: 'POST', headers, json: toJsonResume(fullCv()) });
  if (imported.status !== 201) throw new Error(`${label}: import answered ${imported.status} ${JSON.stringify(imported.body)}`);
  const cvUrl = `${api.url}/api/v1/cvs/${imported.body.cv.id as string}`;
  const check = await call(cvUrl, { headers });
  if (check.status !== 200) throw new Error(`${label}: GET ${cvUrl} answered ${check.status}`);
  return { key, label, url: cvUrl, headers };
}

async function round(target: Target, seconds: number): Promise<Round> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: seconds, timeout: REQUEST_TIMEOUT_SECONDS });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function formatRound(label: string, r: Round): string {
  return `${label.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  non-2xx ${r.non2xx}  errors ${r.errors}  timeouts ${r.timeouts}`;
}

interface UploadOutcome {
  accepted: number;
  refused: Record<string, number>;
  ready: number;
  failed: Record<string, number>;
  unfinished: number;
  seconds: number;
}

/** 200 anonymous uploads at once, then each CV followed (with its claim token) until it settles. */
async function uploadBurst(api: Server): Promise<UploadOutcome> {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: UPLOADS }, async (_, i) => {
      const form = new FormData();
      form.append('file', new Blob([TEXT_CV], { type: 'text/plain' }), `cv-${i}.txt`);
      try {
        return await call(`${api.url}/api/v1/cvs`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
      } catch (error) {
        return { status: 0, body: { error: { code: (error as Error).name } } };
      }
    }),
  );
  const outcome: UploadOutcome = { accepted: 0, refused: {}, ready: 0, failed: {}, unfinished: 0, seconds: 0 };
  const pending = new Map<string, string>();
  for (const answer of answers) {
    if (answer.status === 202) {
      outcome.accepted++;
      pending.set(answer.body.cv.id as string, answer.body.claimToken as string);
    } else {
      const why = `${answer.status} ${answer.body?.error?.code ?? ''}`.trim();
      outcome.refused[why] = (outcome.refused[why] ?? 0) + 1;
    }
  }
  const deadline = Date.now() + EXTRACTION_DEADLINE_MS;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const [id, claimToken] of pending) {
      const { status, body } = await call(`${api.url}/api/v1/cvs/${id}`, { headers: { 'x-claim-token': claimToken } });
      if (status !== 200) throw new Error(`GET of uploaded CV ${id} answered ${status} ${JSON.stringify(body)}`);
      if (body.cv.status === 'ready') outcome.ready++;
      else if (body.cv.status === 'failed') outcome.failed[body.cv.error.code] = (outcome.failed[body.cv.error.code] ?? 0) + 1;
      else continue;
      pending.delete(id);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  outcome.unfinished = pending.size;
  outcome.seconds = (Date.now() - started) / 1000;
  return outcome;
}

async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

async function main() {
  const runId = `${process.pid}_${Date.now()}`;
  const database = `r2w_bench_${runId}`;
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `r2w-bench-${runId}:`;
  const sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-bench-api-'));
  const pgDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-bench-api-pg-'));
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const servers: Server[] = [];
  try {
    migrate(postgresUrlFor(database));
    const common = {
      NODE_ENV: 'development',
      // One line per request would measure the console, not the API; warnings still show.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      WEB_DIR: 'none',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      PASSWORD_SCRYPT_LOG2N: '14',
      // The burst comes from one address: limits meant for abuse would refuse most of it.
      RATE_LIMIT_UPLOAD_ANONYMOUS: '1000000/1m',
      RATE_LIMIT_REGISTER: '1000/1m',
      RATE_LIMIT_IMPORT: '1000/1m',
      MAX_PENDING_EXTRACTIONS: '1000',
    };
    const api = ['backend/dist/server.js'];
    const [bare, pgApi, sqliteApi] = await Promise.all([
      startServer(servers, 'bare Express', ['scripts/bench/bare-express.mjs'], {}),
      startServer(servers, 'API on PostgreSQL + Redis', api, {
        ...common,
        DATA_DIR: pgDir,
        DATABASE_URL: postgresUrlFor(database),
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: redisPrefix,
        JWT_SECRET: randomBytes(48).toString('base64url'),
      }),
      startServer(servers, 'API on embedded defaults', api, { ...common, DATA_DIR: sqliteDir }),
    ]);

    const targets: Target[] = [
      { key: 'bare', label: 'bare Express', url: `${bare.url}/`, headers: {} },
      await cvTarget('pg', 'API PostgreSQL + Redis', pgApi),
      await cvTarget('sqlite', 'API embedded (SQLite)', sqliteApi),
    ];
    const [bareTarget, pgTarget, sqliteTarget] = targets as [Target, Target, Target];

    console.log(`\nWarm-up: 2 s each (not counted)`);
    for (const target of targets) await round(target, 2);

    console.log(`\nGET rounds: ${CONNECTIONS} connections, ${SECONDS} s each, ${ROUNDS} rounds per API, alternating with bare Express`);
    const results: Record<Target['key'], Round[]> = { bare: [], pg: [], sqlite: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const target of [pgTarget, sqliteTarget]) {
        const baseline = await round(bareTarget, SECONDS);
        results.bare.push(baseline);
        console.log(formatRound(`#${i + 1} ${bareTarget.label}`, baseline));
        const measured = await round(target, SECONDS);
        results[target.key].push(measured);
        console.log(formatRound(`#${i + 1} ${target.label}`, measured));
      }
    }

    const bareRps = median(results.bare.map((r) => r.requestsPerSecond));
    const bareP99 = median(results.bare.map((r) => r.p99));
    console.log(`\nMedians of ${ROUNDS} rounds (bare Express: ${results.bare.length} rounds)`);
    console.log(`${''.padEnd(26)} ${'req/s'.padStart(7)}  ${'ratio'.padStart(5)}  ${'p50'.padStart(5)}  ${'p99'.padStart(6)}  unanswered  targets`);
    console.log(
      `${bareTarget.label.padEnd(26)} ${bareRps.toFixed(0).padStart(7)}  ${'1.00'.padStart(5)}  ${median(results.bare.map((r) => r.p50))
        .toFixed(0)
        .padStart(3)} ms  ${bareP99.toFixed(0).padStart(3)} ms`,
    );
    let allMet = true;
    for (const target of [pgTarget, sqliteTarget]) {
      const rounds = results[target.key];
      const rps = median(rounds.map((r) => r.requestsPerSecond));
      const p99 = median(rounds.map((r) => r.p99));
      const unanswered = rounds.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
      const non2xx = rounds.reduce((sum, r) => sum + r.non2xx, 0);
      const ratio = rps / bareRps;
      const target_ = TARGET_RATIO[target.key as 'pg' | 'sqlite'];
      const met = { ratio: ratio >= target_, p99: p99 <= 2 * bareP99, answered: unanswered === 0 && non2xx === 0 };
      allMet &&= met.ratio && met.p99 && met.answered;
      console.log(
        `${target.label.padEnd(26)} ${rps.toFixed(0).padStart(7)}  ${ratio.toFixed(2).padStart(5)}  ${median(rounds.map((r) => r.p50))
          .toFixed(0)
          .padStart(3)} ms  ${p99.toFixed(0).padStart(3)} ms  ${String(unanswered).padStart(10)}  ` +
          `ratio ≥ ${target_}: ${verdict(met.ratio)}; p99 ≤ 2× bare (${2 * bareP99} ms): ${verdict(met.p99)}; all answered 2xx: ${verdict(met.answered)}${non2xx ? ` (${non2xx} non-2xx)` : ''}`,
      );
    }

    console.log(`\nUploads: ${UPLOADS} anonymous text CVs at once per API, each followed until ready or failed`);
    for (const api of [pgApi, sqliteApi]) {
      const outcome = await uploadBurst(api);
      const lost = UPLOADS - outcome.accepted + outcome.unfinished;
      allMet &&= lost === 0;
      console.log(
        `${api.name.padEnd(26)} 202: ${outcome.accepted}/${UPLOADS}  refused: ${JSON.stringify(outcome.refused)}  ready: ${outcome.ready}  failed: ${JSON.stringify(outcome.failed)}  unfinished: ${outcome.unfinished}  (${outcome.seconds.toFixed(1)} s)  none lost: ${verdict(lost === 0)}`,
      );
    }
    console.log(`\nAll targets: ${verdict(allMet)}`);
    process.exitCode = allMet ? 0 : 1;
  } catch (error) {
    for (const server of servers) console.error(`--- last output of ${server.name} ---\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await Promise.all(servers.map(stopServer));
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await dropRedisKeys(redisUrl, redisPrefix);
    rmSync(sqliteDir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
