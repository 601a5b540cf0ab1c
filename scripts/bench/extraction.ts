// npm run bench:extraction — upload → ready, as a person using the SPA sees it, on the
// built API (backend/dist) on the embedded defaults (a fresh DATA_DIR: SQLite, the local
// folder storage, the local queue, the offline extractor).
//   1. Baselines measured in the same run (a shared machine is noisy, so the ratios are the
//      figures to compare between runs): a bare `node -e 0` start, and a bare request
//      (GET /health/live) to the API under test.
//   2. One 2-page CV PDF at a time: POST /api/v1/cvs, then the CV's event stream (as the
//      SPA follows it) until it says ready. Median of BENCH_RUNS, after two warm-up uploads.
//      The stage figures (queue wait, text, extraction, ...) are the API's own metrics.
//   3. 30 different CV PDFs uploaded at once, each followed on its event stream until ready;
//      the RSS of the API process and of its parser processes sampled from /proc meanwhile.
//   4. Both again with the worker as its own process (WORKER_IN_PROCESS=false + worker.js
//      on the same DATA_DIR), as `npm run worker` runs it.
// Targets: one 2-page PDF ready in < 250 ms (median); 30 at once all ready in < 10 s.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '../../backend/test/support/ports';
import { benchPdfs, type BenchPdf } from './extraction-cvs';

const root = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BURST = 30;
const TARGET_SINGLE_MS = 250;
const TARGET_BURST_S = 10;
const DEADLINE_MS = 5 * 60_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const msSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
}

function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [entry], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => output };
}

async function stopProcess(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  const force = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

/** RSS in MB of a process and every process below it (the parser pool), from /proc. */
function treeRssMb(pid: number): number {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) kb += treeRssMb(Number(child)) * 1024;
    }
  } catch {
    // The process ended between two reads: it holds no memory any more.
  }
  return kb / 1024;
}

const CLOCK_TICKS_PER_S = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

/**
 * CPU time in ms used so far by a process, its ended children (the parsers it recycled)
 * and its live ones: the work an upload costs, which a busy machine slows but does not change.
 */
function treeCpuMs(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime, stime, cutime, cstime are the 12th to 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    let ms = ([11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / CLOCK_TICKS_PER_S) * 1000;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) ms += treeCpuMs(Number(child));
    }
    return ms;
  } catch {
    // The process ended between two reads: its time is now its parent's cutime.
    return 0;
  }
}

const cpuMsOf = (pids: number[]) => pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0);

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Peaks of each process's own RSS and of its whole tree while `work` runs, sampled every 20 ms. */
async function sampleRss<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; ownPeakMb: number[]; treePeakMb: number }> {
  const ownPeakMb = pids.map(rssMb);
  let treePeakMb = 0;
  const sample = () => {
    pids.forEach((pid, i) => (ownPeakMb[i] = Math.max(ownPeakMb[i]!, rssMb(pid))));
    treePeakMb = Math.max(
      treePeakMb,
      pids.reduce((sum, pid) => sum + treeRssMb(pid), 0),
    );
  };
  sample();
  const timer = setInterval(sample, 20);
  try {
    return { result: await work(), ownPeakMb, treePeakMb };
  } finally {
    clearInterval(timer);
    sample();
  }
}

class Api {
  constructor(readonly url: string) {}

  async upload(pdf: BenchPdf): Promise<{ id: string; claimToken: string }> {
    const form = new FormData();
    form.append('file', new Blob([pdf.file], { type: 'application/pdf' }), pdf.name);
    const response = await fetch(`${this.url}/api/v1/cvs`, { method: 'POST', body: form });
    const body = (await response.json()) as { cv: { id: string }; claimToken: string };
    if (response.status !== 202) throw new Error(`upload of ${pdf.name} answered ${response.status} ${JSON.stringify(body)}`);
    return { id: body.cv.id, claimToken: body.claimToken };
  }

  /** Reads the CV's event stream, as the SPA's EventSource does, until it says ready (or failed, which throws). */
  async untilReady(id: string, claimToken: string): Promise<void> {
    const response = await fetch(`${this.url}/api/v1/cvs/${id}/events?claimToken=${encodeURIComponent(claimToken)}`, { signal: AbortSignal.timeout(DEADLINE_MS) });
    if (!response.ok || !response.body) throw new Error(`event stream of ${id} answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (!event.startsWith('event: progress') || !data) continue;
        const progress = JSON.parse(data) as { status: string; error?: { code: string } };
        if (progress.status === 'failed') throw new Error(`CV ${id} failed: ${progress.error?.code}`);
        // Leaving the loop cancels the stream, as EventSource.close() does.
        if (progress.status === 'ready') return;
      }
    }
    throw new Error(`event stream of ${id} ended before the CV was ready`);
  }

  /** Upload → ready in ms. */
  async uploadUntilReady(pdf: BenchPdf): Promise<number> {
    const started = process.hrtime.bigint();
    const { id, claimToken } = await this.upload(pdf);
    await this.untilReady(id, claimToken);
    return msSince(started);
  }

  async bareRequest(): Promise<number> {
    const started = process.hrtime.bigint();
    const response = await fetch(`${this.url}/health/live`);
    await response.arrayBuffer();
    return msSince(started);
  }

  /** Sum and count of each labelled series of a histogram on /metrics. */
  async histogram(name: string): Promise<Map<string, { sum: number; count: number }>> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const series = new Map<string, { sum: number; count: number }>();
    for (const match of text.matchAll(new RegExp(`^${name}_(sum|count)(\\{[^}]*\\})? (\\S+)$`, 'gm'))) {
      const labels = match[2] ?? '';
      const entry = series.get(labels) ?? { sum: 0, count: 0 };
      entry[match[1] as 'sum' | 'count'] = Number(match[3]);
      series.set(labels, entry);
    }
    return series;
  }
}

interface Setup {
  label: string;
  api: Api;
  pids: number[];
}

/** Starts the API on a fresh DATA_DIR, with the worker inside it or as its own process. */
async function startSetup(procs: Proc[], label: string, separateWorker: boolean): Promise<Setup & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-bench-extraction-'));
  const port = await freePort();
  const env = {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    WEB_DIR: 'none',
    // The burst comes from one address: limits meant for abuse would refuse most of it.
    RATE_LIMIT_UPLOAD_ANONYMOUS: '1000000/1m',
    MAX_PENDING_EXTRACTIONS: '1000',
    WORKER_IN_PROCESS: String(!separateWorker),
  };
  const api = startProcess(`API (${label})`, 'backend/dist/server.js', env);
  procs.push(api);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (api.child.exitCode !== null) throw new Error(`${api.name} exited early:\n${api.output()}`);
      return (await fetch(`${url}/health/ready`)).ok;
    },
    { what: `${api.name} to be ready`, timeoutMs: 180_000 },
  );
  const pids = [api.child.pid!];
  if (separateWorker) {
    const worker = startProcess(`worker (${label})`, 'backend/dist/worker.js', env);
    procs.push(worker);
    pids.push(worker.child.pid!);
  }
  return { label, api: new Api(url), pids, dataDir };
}

interface SingleResult {
  medianMs: number;
  runs: number[];
  stages: string;
  cpuMsPerUpload: number;
}

async function benchSingle(setup: Setup, pdf: BenchPdf): Promise<SingleResult> {
  // The first uploads pay for what a running server has already paid (parsers starting, code compiled).
  for (let i = 0; i < 2; i++) await setup.api.uploadUntilReady(pdf);
  const before = await setup.api.histogram('r2w_extraction_stage_seconds');
  const cpuBefore = cpuMsOf(setup.pids);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await setup.api.uploadUntilReady(pdf));
  const cpuMsPerUpload = (cpuMsOf(setup.pids) - cpuBefore) / RUNS;
  const after = await setup.api.histogram('r2w_extraction_stage_seconds');
  const stages = [...after]
    .map(([labels, { sum, count }]) => {
      const was = before.get(labels) ?? { sum: 0, count: 0 };
      const stage = /stage="([^"]+)"/.exec(labels)?.[1] ?? labels;
      return count > was.count ? `${stage} ${(((sum - was.sum) / (count - was.count)) * 1000).toFixed(1)}` : '';
    })
    .filter(Boolean)
    .join(', ');
  return { medianMs: median(runs), runs, stages, cpuMsPerUpload };
}

async function benchBurst(setup: Setup, pdfs: BenchPdf[]): Promise<{ seconds: number; cpuSeconds: number; ownPeakMb: number[]; treePeakMb: number; idleMb: number }> {
  const idleMb = setup.pids.reduce((sum, pid) => sum + treeRssMb(pid), 0);
  const cpuBefore = cpuMsOf(setup.pids);
  const started = process.hrtime.bigint();
  const { ownPeakMb, treePeakMb } = await sampleRss(setup.pids, () =>
    Promise.all(
      pdfs.map(async (pdf) => {
        const { id, claimToken } = await setup.api.upload(pdf);
        await setup.api.untilReady(id, claimToken);
      }),
    ),
  );
  return { seconds: msSince(started) / 1000, cpuSeconds: (cpuMsOf(setup.pids) - cpuBefore) / 1000, ownPeakMb, treePeakMb, idleMb };
}

function bareNodeStartMs(): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    runs.push(msSince(started));
  }
  return median(runs);
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const pdfs = await benchPdfs(BURST);
  const twoPage = pdfs.find((pdf) => pdf.pages === 2)!;
  const load = os.loadavg().map((n) => n.toFixed(2));
  console.log(`Load average at start: ${load.join(' ')} (${os.cpus().length} cores)`);
  const nodeStartMs = bareNodeStartMs();
  console.log(`Baseline: bare node start (node -e 0) median ${nodeStartMs.toFixed(0)} ms`);

  const procs: Proc[] = [];
  let allMet = true;
  try {
    for (const separateWorker of [false, true]) {
      const label = separateWorker ? 'separate worker process' : 'worker in the API process';
      const setup = await startSetup(procs, label, separateWorker);
      try {
        const bare: number[] = [];
        for (let i = 0; i < RUNS; i++) bare.push(await setup.api.bareRequest());
        const bareMs = median(bare);
        const single = await benchSingle(setup, twoPage);
        const burst = await benchBurst(setup, pdfs);
        const singleMet = single.medianMs < TARGET_SINGLE_MS;
        const burstMet = burst.seconds < TARGET_BURST_S;
        allMet &&= singleMet && burstMet;
        console.log(`\n${label} (embedded defaults)`);
        console.log(`  bare request (GET /health/live)  median ${bareMs.toFixed(1)} ms`);
        console.log(
          `  one 2-page PDF, upload → ready  median ${single.medianMs.toFixed(0)} ms of ${RUNS} (min ${Math.min(...single.runs).toFixed(0)}, max ${Math.max(...single.runs).toFixed(0)}); ` +
            `${(single.medianMs / nodeStartMs).toFixed(2)}× a node start, ${(single.medianMs / bareMs).toFixed(0)}× a bare request; target < ${TARGET_SINGLE_MS} ms: ${verdict(singleMet)}`,
        );
        console.log(`    CPU time per upload (API${setup.pids.length > 1 ? ', worker' : ''} and parsers): ${single.cpuMsPerUpload.toFixed(0)} ms`);
        if (single.stages) console.log(`    server stages, mean ms: ${single.stages}`);
        console.log(
          `  ${BURST} different PDFs at once     all ready in ${burst.seconds.toFixed(2)} s; target < ${TARGET_BURST_S} s: ${verdict(burstMet)}; ` +
            `CPU time ${burst.cpuSeconds.toFixed(1)} s (${(burst.cpuSeconds / os.cpus().length).toFixed(1)} s on ${os.cpus().length} idle cores)\n` +
            `    RSS: ${setup.pids.length > 1 ? 'API / worker' : 'API'} process peak ${burst.ownPeakMb.map((mb) => mb.toFixed(0)).join(' / ')} MB; ` +
            `with the parser processes ${burst.idleMb.toFixed(0)} MB idle → peak ${burst.treePeakMb.toFixed(0)} MB`,
        );
      } finally {
        await Promise.all(procs.splice(0).map(stopProcess));
        rmSync(setup.dataDir, { recursive: true, force: true });
      }
    }
    console.log(
      `\nLoad average at end: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(`All targets: ${verdict(allMet)}`);
    process.exitCode = allMet ? 0 : 1;
  } catch (error) {
    for (const proc of procs) console.error(`--- last output of ${proc.name} ---\n${proc.output().slice(-3000)}`);
    await Promise.all(procs.map(stopProcess));
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
