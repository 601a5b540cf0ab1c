// npm run bench:parsers — the parser pool's speed and its memory bound, on the compiled
// backend (backend/dist), as the worker runs it.
//   1. Speed: the same 2-page PDF read BENCH_RUNS times on a warm pool, and as many times
//      with a fresh parser process per file (how every file was read before the pool:
//      start, load pdf.js, parse). Median per file and the ratio, both from this run.
//   2. Memory: a PDF whose one content stream inflates to 1.5 GiB (1.5 MB of file), alone
//      and four at once on a pool of four. Prints the parent's RSS and each parser's peak
//      RSS (VmHWM, read from /proc every 10 ms until it dies) against the idle baseline,
//      and whether each parser stayed within its limit (PARSER_MEMORY_LIMIT_MB, 300 MB).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { twoPageDocument } from '../../backend/test/extraction/text/fixtures';
import { inflationBombPdf } from '../../backend/test/extraction/text/hostile-pdfs';

type PoolModule = typeof import('../../backend/src/extraction/text/parser-pool');
type ExtractModule = typeof import('../../backend/src/extraction/text/extract-text');

const dist = path.resolve(__dirname, '../../backend/dist/extraction/text');
const { ParserPool } = require(path.join(dist, 'parser-pool.js')) as PoolModule;
const { extractText } = require(path.join(dist, 'extract-text.js')) as ExtractModule;

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LIMIT_MB = 300;
const TIMEOUT_MS = 120_000;
const MB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** VmRSS or VmHWM of a process in MB; undefined once it is gone. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function benchSpeed(): Promise<void> {
  const file = await twoPageDocument();
  const pool = new ParserPool({ size: 1 });
  try {
    await pool.parse({ file, kind: 'pdf', maxPages: 30 }, TIMEOUT_MS); // the process is warm from here on
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await timed(() => pool.parse({ file, kind: 'pdf', maxPages: 30 }, TIMEOUT_MS)));
      cold.push(await timed(() => extractText(file, 'pdf', { timeoutMs: TIMEOUT_MS })));
    }
    console.log(
      `2-page PDF, ${RUNS} runs each: warm pool median ${median(warm).toFixed(1)} ms; fresh process per file median ${median(cold).toFixed(1)} ms; ${(median(cold) / median(warm)).toFixed(1)}x faster warm`,
    );
  } finally {
    await pool.close();
  }
}

async function benchBombs(count: number): Promise<boolean> {
  const pool = new ParserPool({ size: count, memoryLimitMb: LIMIT_MB });
  try {
    // Warm every process first, so the baseline is the idle pool.
    await Promise.all(Array.from({ length: count }, (_, i) => pool.parse({ file: Buffer.from(`warm ${i}`), kind: 'txt', maxPages: 30 }, TIMEOUT_MS)));
    const pids = pool.stats().processes.map((p) => p.pid!);
    const idleChild = Math.max(...pids.map((pid) => statusMb(pid, 'VmRSS') ?? 0));
    const bombs = Array.from({ length: count }, () => inflationBombPdf(1536));
    const parentBefore = process.memoryUsage().rss / MB;
    const peaks = new Map(pids.map((pid) => [pid, 0]));
    let parentPeak = parentBefore;
    const sampler = setInterval(() => {
      parentPeak = Math.max(parentPeak, process.memoryUsage().rss / MB);
      for (const pid of pids) peaks.set(pid, Math.max(peaks.get(pid)!, statusMb(pid, 'VmHWM') ?? 0));
    }, 10);
    const outcomes = await Promise.all(
      bombs.map((file) =>
        pool.parse({ file, kind: 'pdf', maxPages: 30 }, TIMEOUT_MS).then(
          () => 'parsed',
          (error: { code?: string }) => error.code ?? String(error),
        ),
      ),
    );
    clearInterval(sampler);
    const childPeak = Math.max(...peaks.values());
    const within = childPeak <= LIMIT_MB;
    console.log(
      `${count} bomb${count > 1 ? 's' : ''} at once (1.5 GiB each, ${(bombs[0]!.length / MB).toFixed(1)} MB files): outcomes ${outcomes.join(', ')}; ` +
        `parent RSS ${parentBefore.toFixed(0)} → peak ${parentPeak.toFixed(0)} MB (+${(parentPeak - parentBefore).toFixed(0)}); ` +
        `parser idle ${idleChild.toFixed(0)} MB, peak ${[...peaks.values()].map((v) => v.toFixed(0)).join(' / ')} MB; ` +
        `total at worst ${(parentPeak + [...peaks.values()].reduce((a, b) => a + b, 0)).toFixed(0)} MB; ` +
        `within ${LIMIT_MB} MB per parser: ${within ? 'yes' : 'NO'}`,
    );
    return within;
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  await benchSpeed();
  const bounded = [await benchBombs(1), await benchBombs(4)];
  if (bounded.includes(false)) process.exitCode = 1;
}

void main();
