import { ExtractionError, ExtractionFailure } from '../../../src/extraction/errors';
import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import type { DocumentText } from '../../../src/extraction/text/document-text';
import { ParserPool } from '../../../src/extraction/text/parser-pool';
import type { ParseJob } from '../../../src/extraction/text/parser-pool-child';
import { ParserProcessError } from '../../../src/extraction/text/parser-pool-process';
import { isTransient } from '../../../src/lib/failure-cause';
import { createMetrics, type Metrics } from '../../../src/observability/metrics';
import { extractionFailure } from './failures';
import { oneColumnCv } from './fixtures';
import { crowdedCv } from './hostile-texts';
import { inflationBombPdf, runawayPdf } from './hostile-pdfs';

// Real parser processes under real limits. Every wait is for an answer or a state, never
// for a clock, except the timeouts of the runaway file and the crowded CV: that file would
// parse for hours, and that CV takes the offline extractor many seconds.
jest.setTimeout(120_000);

const GENEROUS_MS = 100_000;
const text = (body: string): ParseJob => ({ file: Buffer.from(body), kind: 'txt', maxPages: 30 });
const pidsOf = (pool: ParserPool) => pool.stats().processes.map((process) => process.pid);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the process is gone (a pool kills without waiting for the exit). */
async function gone(pid: number): Promise<void> {
  while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function counter(metrics: Metrics, name: string): Promise<Record<string, number>> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name)!;
  return Object.fromEntries(metric.values.map((value) => [Object.values(value.labels).join(','), value.value]));
}

const pools: ParserPool[] = [];
function pool(options: ConstructorParameters<typeof ParserPool>[0]): ParserPool {
  const created = new ParserPool(options);
  pools.push(created);
  return created;
}
afterAll(() => Promise.all(pools.map((created) => created.close())));

describe('ParserPool', () => {
  it('parses file after file on the same warm process', async () => {
    const parsers = pool({ size: 1 });
    const first = await parsers.parse({ file: await oneColumnCv(), kind: 'pdf', maxPages: 30 }, GENEROUS_MS);
    const [pid] = pidsOf(parsers);
    const second = await parsers.parse(text('Jane Doe\nEngineer'), GENEROUS_MS);
    expect(first.lines[0]!.text).toBe('Jane Doe');
    expect(second.plainText).toBe('Jane Doe\nEngineer');
    expect(parsers.stats()).toEqual({ processes: [{ pid, jobs: 2, busy: false }], waiting: 0 });
  });

  it('fails a decompression bomb with FILE_TOO_COMPLEX, replaces the process and reads the next file', async () => {
    const metrics = createMetrics();
    const parsers = pool({ size: 1, metrics });
    const [bombed] = pidsOf(parsers);
    // 1.5 GiB of spaces in one content stream, 1.5 MB of PDF; the limit is 300 MB.
    const error = await extractionFailure(() => parsers.parse({ file: inflationBombPdf(1536), kind: 'pdf', maxPages: 30 }, GENEROUS_MS));
    expect(error).toMatchObject({ code: 'FILE_TOO_COMPLEX', permanent: true, message: ExtractionFailure.FILE_TOO_COMPLEX });
    await gone(bombed!);
    expect((await parsers.parse(text('Still reading'), GENEROUS_MS)).plainText).toBe('Still reading');
    expect(pidsOf(parsers)).not.toContain(bombed);
    expect(await counter(metrics, 'r2w_parser_jobs_total')).toEqual({ 'parse,memory_limit': 1, 'parse,ok': 1 });
    expect(await counter(metrics, 'r2w_parser_recycled_total')).toEqual({ memory_limit: 1 });
  });

  it('fails a file that never finishes with a permanent EXTRACTION_TIMEOUT and kills its process', async () => {
    const parsers = pool({ size: 1 });
    const [stuck] = pidsOf(parsers);
    const error = await extractionFailure(() => parsers.parse({ file: runawayPdf(), kind: 'pdf', maxPages: 30 }, 2_000));
    expect(error).toMatchObject({ code: 'EXTRACTION_TIMEOUT', permanent: true, message: ExtractionFailure.EXTRACTION_TIMEOUT });
    await gone(stuck!);
    expect((await parsers.parse(text('Next CV'), GENEROUS_MS)).plainText).toBe('Next CV');
    expect(pidsOf(parsers)).not.toContain(stuck);
  });

  it('reads a parsed document with the offline extractor, as this process would', async () => {
    const metrics = createMetrics();
    const parsers = pool({ size: 1, metrics });
    const document = await parsers.parse(text('Jane Doe\njane@example.com\n\nEXPERIENCE\nEngineer, Acme Corp, 2019 - 2023'), GENEROUS_MS);
    // Each run gives its items new ids.
    const withoutIds = (value: object): unknown => JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'id' ? undefined : field)));
    expect(withoutIds(await parsers.extract(document, GENEROUS_MS))).toEqual(withoutIds(extractOffline(document)));
    expect(await counter(metrics, 'r2w_parser_jobs_total')).toEqual({ 'parse,ok': 1, 'extract,ok': 1 });
  });

  it('fails a document the offline extractor reads too long with a permanent CV_TOO_COMPLEX, keeping this event loop free', async () => {
    const metrics = createMetrics();
    const parsers = pool({ size: 1, metrics });
    const document = await parsers.parse(text(crowdedCv()), GENEROUS_MS);
    const [busy] = pidsOf(parsers);
    const events: string[] = [];
    const extracting = extractionFailure(() => parsers.extract(document, 1_000)).finally(() => events.push('failed'));
    await new Promise((resolve) => setImmediate(resolve));
    events.push('turn');
    const error = await extracting;
    expect(events).toEqual(['turn', 'failed']);
    expect(error).toMatchObject({ code: 'CV_TOO_COMPLEX', permanent: true, message: ExtractionFailure.CV_TOO_COMPLEX });
    await gone(busy!);
    expect((await parsers.parse(text('Next CV'), GENEROUS_MS)).plainText).toBe('Next CV');
    expect(await counter(metrics, 'r2w_parser_jobs_total')).toEqual({ 'parse,ok': 2, 'extract,timeout': 1 });
    expect(await counter(metrics, 'r2w_parser_recycled_total')).toEqual({ timeout: 1 });
  });

  it('refuses a million-line text file as CV_TOO_LONG, before it exhausts memory', async () => {
    const parsers = pool({ size: 1 });
    const error = await extractionFailure(() => parsers.parse(text('a\n'.repeat(1_000_000)), GENEROUS_MS));
    expect(error).toMatchObject({ code: 'CV_TOO_LONG', permanent: true, message: ExtractionFailure.CV_TOO_LONG });
    // Old Mac line ends count as lines too.
    expect(await extractionFailure(() => parsers.parse(text('a\r'.repeat(20_000)), GENEROUS_MS))).toMatchObject({ code: 'CV_TOO_LONG' });
  });

  it('runs N + 2 files on N processes, two of them after waiting', async () => {
    const parsers = pool({ size: 2 });
    const files = [0, 1, 2, 3].map((n) => parsers.parse(text(`CV number ${n}`), GENEROUS_MS).then((document: DocumentText) => document.plainText));
    expect(parsers.stats().waiting).toBe(2);
    expect(await Promise.all(files)).toEqual(['CV number 0', 'CV number 1', 'CV number 2', 'CV number 3']);
    const { processes, waiting } = parsers.stats();
    expect(processes).toHaveLength(2);
    expect(processes.reduce((sum, { jobs }) => sum + jobs, 0)).toBe(4);
    expect(waiting).toBe(0);
  });

  it('hands queued files out first come, first served on one process', async () => {
    const parsers = pool({ size: 1 });
    const finished: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((n) => parsers.parse(text(`CV ${n}`), GENEROUS_MS).then(() => finished.push(n))));
    expect(finished).toEqual([0, 1, 2, 3, 4]);
  });

  it('replaces a process after maxJobsPerProcess files and after a refused file', async () => {
    const metrics = createMetrics();
    const parsers = pool({ size: 1, maxJobsPerProcess: 2, metrics });
    const [first] = pidsOf(parsers);
    await parsers.parse(text('one'), GENEROUS_MS);
    await parsers.parse(text('two'), GENEROUS_MS);
    const [second] = pidsOf(parsers);
    expect(second).not.toBe(first);
    expect(await extractionFailure(() => parsers.parse(text(' \n '), GENEROUS_MS))).toMatchObject({ code: 'NO_TEXT_FOUND' });
    expect(pidsOf(parsers)).not.toContain(second);
    expect(await counter(metrics, 'r2w_parser_recycled_total')).toEqual({ max_jobs: 1, refused: 1 });
  });

  it('keeps a process killed from outside a retryable failure, not the file’s', async () => {
    const parsers = pool({ size: 1 });
    const [pid] = pidsOf(parsers);
    const parsing = parsers.parse({ file: runawayPdf(), kind: 'pdf', maxPages: 30 }, GENEROUS_MS).catch((error: unknown) => error);
    process.kill(pid!, 'SIGKILL');
    const error = await parsing;
    expect(error).toBeInstanceOf(ParserProcessError);
    expect(error).not.toBeInstanceOf(ExtractionError);
    expect(isTransient(error)).toBe(true);
    expect((await parsers.parse(text('After the kill'), GENEROUS_MS)).plainText).toBe('After the kill');
  });

  it('reports a process that cannot start as a retryable failure', async () => {
    // Node itself cannot start in 2 MB of writable memory.
    const parsers = new ParserPool({ size: 1, memoryLimitMb: 2 });
    try {
      const error = await parsers.parse(text('never read'), GENEROUS_MS).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ParserProcessError);
      expect(isTransient(error)).toBe(true);
      expect((error as Error).message).toMatch(/stopped while starting/);
    } finally {
      await parsers.close();
    }
  });

  it('close() kills every process, busy ones included, and fails their files as retryable', async () => {
    const parsers = new ParserPool({ size: 2 });
    const pids = pidsOf(parsers) as number[];
    const jobs = [
      parsers.parse({ file: runawayPdf(), kind: 'pdf', maxPages: 30 }, GENEROUS_MS),
      parsers.parse({ file: runawayPdf(), kind: 'pdf', maxPages: 30 }, GENEROUS_MS),
      parsers.parse(text('waiting'), GENEROUS_MS),
    ].map((job) => job.catch((error: unknown) => error));
    expect(parsers.stats().waiting).toBe(1);
    await parsers.close();
    expect(pids).toHaveLength(2);
    expect(pids.filter(isRunning)).toEqual([]);
    for (const error of await Promise.all(jobs)) expect(error).toBeInstanceOf(ParserProcessError);
    expect(parsers.stats()).toEqual({ processes: [], waiting: 0 });
    await expect(parsers.parse(text('late'), GENEROUS_MS)).rejects.toBeInstanceOf(ParserProcessError);
  });
});
