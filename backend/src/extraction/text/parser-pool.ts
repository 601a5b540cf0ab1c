import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { ExtractionError } from '../errors';
import type { DocumentText } from './document-text';
import type { ExtractorResult } from '../extractors/extractor';
import type { JobKind, Jobs, ParseJob } from './parser-pool-child';
import { ParserProcess, ParserProcessError } from './parser-pool-process';

export interface ParserPoolOptions {
  /** Parser processes, each running one job (parsing a file or extracting a document) at a time (default 1). */
  size?: number;
  /** A process is replaced after this many jobs, so that what one file leaves behind cannot pile up (default 100). */
  maxJobsPerProcess?: number;
  /** Each process's memory limit (RLIMIT_DATA), pdf.js's inflated streams included (default 300 MB). */
  memoryLimitMb?: number;
  logger?: Logger;
  metrics?: Metrics;
}

/** How a job ended; a process is replaced after anything but 'ok'. */
export type ParseOutcome = 'ok' | 'refused' | 'timeout' | 'memory_limit' | 'crashed';

/** Why a process was replaced: it served its jobs, or its last job did not end well. */
export type RecycleReason = 'max_jobs' | Exclude<ParseOutcome, 'ok'>;

export interface ParserPoolStats {
  processes: { pid: number | undefined; jobs: number; busy: boolean }[];
  waiting: number;
}

/**
 * A few warm parser processes (pdf.js loaded, each under an OS memory limit) that take
 * jobs one at a time, in the order they come: parsing a file, and reading the parsed
 * document with the offline extractor, which runs on this process's event loop otherwise.
 * A process that fails, times out, hits its memory limit or has served maxJobsPerProcess
 * jobs is killed and replaced at once.
 */
export class ParserPool {
  private readonly size: number;
  private readonly maxJobsPerProcess: number;
  private readonly memoryLimitMb: number;
  private readonly parsers = new Set<ParserProcess>();
  private readonly idle: ParserProcess[] = [];
  private readonly waiting: { resolve: (parser: ParserProcess) => void; reject: (error: Error) => void }[] = [];
  private closed = false;

  constructor(private readonly options: ParserPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1);
    this.maxJobsPerProcess = Math.max(1, options.maxJobsPerProcess ?? 100);
    this.memoryLimitMb = options.memoryLimitMb ?? 300;
    // Started now, so that the first file finds them warm.
    for (let i = 0; i < this.size; i += 1) this.idle.push(this.start());
    this.report();
  }

  /** Parses a file on the next free process; the timeout counts from when that process begins. */
  parse(job: ParseJob, timeoutMs: number): Promise<DocumentText> {
    return this.run('parse', job, timeoutMs);
  }

  /** The offline extractor's reading of a document, on the next free process; past the timeout it fails with CV_TOO_COMPLEX. */
  extract(document: DocumentText, timeoutMs: number): Promise<ExtractorResult> {
    return this.run('extract', document, timeoutMs);
  }

  /** The processes (pid, files parsed, busy or not) and the files waiting for one. */
  stats(): ParserPoolStats {
    return {
      processes: [...this.parsers].map((parser) => ({ pid: parser.pid, jobs: parser.jobs, busy: !this.idle.includes(parser) })),
      waiting: this.waiting.length,
    };
  }

  /** Kills every process; files still waiting or parsing fail with a retryable error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ParserProcessError('The parser pool was closed.'));
    const parsers = [...this.parsers];
    this.parsers.clear();
    this.idle.length = 0;
    this.report();
    await Promise.all(parsers.map((parser) => parser.kill()));
  }

  private async run<K extends JobKind>(kind: K, job: Jobs[K]['job'], timeoutMs: number): Promise<Jobs[K]['result']> {
    const parser = await this.acquire();
    let outcome: ParseOutcome = 'ok';
    try {
      return await parser.run(kind, job, timeoutMs);
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.options.metrics?.parserJobs.inc({ job: kind, outcome });
      this.release(parser, outcome);
    }
  }

  private acquire(): Promise<ParserProcess> {
    if (this.closed) return Promise.reject(new ParserProcessError('The parser pool was closed.'));
    let parser = this.idle.shift();
    if (parser && !parser.alive) {
      // It died while idle (killed from outside); nothing was lost but the process.
      this.retire(parser, 'crashed');
      parser = this.start();
    }
    if (!parser && this.parsers.size < this.size) parser = this.start();
    if (parser) {
      this.report();
      return Promise.resolve(parser);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.report();
    });
  }

  private release(parser: ParserProcess, outcome: ParseOutcome): void {
    if (this.closed) return;
    let next = parser;
    if (outcome !== 'ok' || parser.jobs >= this.maxJobsPerProcess) {
      this.retire(parser, outcome === 'ok' ? 'max_jobs' : outcome);
      next = this.start();
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(next);
    else this.idle.push(next);
    this.report();
  }

  private start(): ParserProcess {
    const parser = new ParserProcess(this.memoryLimitMb);
    this.parsers.add(parser);
    return parser;
  }

  private retire(parser: ParserProcess, reason: RecycleReason): void {
    this.parsers.delete(parser);
    void parser.kill();
    this.options.metrics?.parserRecycled.inc({ reason });
    const log = this.options.logger;
    const fields = { pid: parser.pid, jobs: parser.jobs, reason };
    if (reason === 'max_jobs') log?.info('parser process recycled', fields);
    else log?.warn('parser process recycled', fields);
  }

  private report(): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    metrics.parserProcesses.set({ state: 'idle' }, this.idle.length);
    metrics.parserProcesses.set({ state: 'busy' }, this.parsers.size - this.idle.length);
    metrics.parserWaiting.set(this.waiting.length);
  }
}

function outcomeOf(error: unknown): Exclude<ParseOutcome, 'ok'> {
  if (!(error instanceof ExtractionError)) return 'crashed';
  if (error.code === 'EXTRACTION_TIMEOUT' || error.code === 'CV_TOO_COMPLEX') return 'timeout';
  if (error.code === 'FILE_TOO_COMPLEX') return 'memory_limit';
  return 'refused';
}
