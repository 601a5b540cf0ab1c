import { AbuseServer, type ServerMemory } from './server';

// A family is a list of cases; a case sends something hostile and checks the answer,
// throwing CaseFailure (or any error) when the API did not behave. After every case the
// server must still answer /health/live: a crash fails the case and the server is
// started again for the cases after it.

export class CaseFailure extends Error {}

export function fail(message: string): never {
  throw new CaseFailure(message);
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

export interface Context {
  /** The server now running (a new one after a crash). */
  readonly server: AbuseServer;
  readonly url: string;
}

export interface Case {
  name: string;
  run(ctx: Context): Promise<void>;
}

export interface Family {
  name: string;
  /** Cases run at once (uploads overlap to keep the run short; the rest run one by one). */
  concurrency?: number;
  /** Builds the cases, given a running server (accounts, CVs and portfolios they target). */
  prepare(ctx: Context): Promise<Case[]>;
  /** Runs after the family's cases, whatever happened (stops what prepare started). */
  finish?(): Promise<void>;
}

export interface CaseResult {
  family: string;
  name: string;
  error?: string;
}

export interface FamilyResult {
  name: string;
  results: CaseResult[];
}

export class Runner implements Context {
  private current: AbuseServer;
  /** The highest VmHWM of every server this run started, in KB. */
  peakKb = 0;
  /** The last server's memory just before it was stopped. */
  finalMemory: ServerMemory = { rssKb: 0, peakKb: 0 };
  /** How many times a dead server was replaced. */
  restarts = 0;
  /** The most the server and its child processes held together, sampled, in KB. */
  treePeakKb = 0;
  /** The highest peak of any one child process (parsers, builders) seen, in KB. */
  childPeakKb = 0;
  // Parsers run in child processes, whose memory the server's own VmHWM does not count:
  // the tree is sampled while cases run (for the report only; nothing is timed).
  private readonly sampler = setInterval(() => this.sampleTree(), 200);

  /** The log file of every server started, in order. */
  readonly logFiles: string[] = [];

  private constructor(
    server: AbuseServer,
    /** Only cases whose name contains this run (all when empty). */
    private readonly caseFilter: string,
  ) {
    this.current = server;
    this.logFiles.push(server.logFile);
  }

  static async start(caseFilter = ''): Promise<Runner> {
    return new Runner(await AbuseServer.start(), caseFilter);
  }

  get server(): AbuseServer {
    return this.current;
  }

  get url(): string {
    return this.current.url;
  }

  private sampleMemory(): void {
    this.peakKb = Math.max(this.peakKb, this.current.memory().peakKb);
    this.sampleTree();
  }

  private sampleTree(): void {
    const tree = this.current.treeMemory();
    this.treePeakKb = Math.max(this.treePeakKb, tree.rssKb);
    this.childPeakKb = Math.max(this.childPeakKb, tree.largestChildPeakKb);
  }

  async runFamily(family: Family): Promise<FamilyResult> {
    let cases: Case[];
    try {
      cases = await family.prepare(this);
    } catch (error) {
      await family.finish?.();
      await this.recoverIfDown();
      return { name: family.name, results: [{ family: family.name, name: 'set-up', error: describe(error) }] };
    }
    const results: CaseResult[] = [];
    const queue = cases.filter((c) => c.name.toLowerCase().includes(this.caseFilter.toLowerCase()));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.push(await this.runCase(family.name, next));
    };
    try {
      await Promise.all(Array.from({ length: family.concurrency ?? 1 }, worker));
    } finally {
      await family.finish?.();
    }
    return { name: family.name, results };
  }

  private async runCase(family: string, item: Case): Promise<CaseResult> {
    const server = this.current;
    let error: string | undefined;
    try {
      await item.run(this);
    } catch (thrown) {
      error = describe(thrown);
    }
    this.sampleMemory();
    if (!(await server.alive())) {
      error = `${error ? `${error}; ` : ''}the API process died (${server.exited ?? 'no answer to /health/live'}):\n${indent(server.tail())}`;
      await this.recoverIfDown();
    }
    return { family, name: item.name, ...(error ? { error } : {}) };
  }

  private restarting: Promise<void> | null = null;

  /** A dead server is replaced once, however many cases noticed it. */
  private async recoverIfDown(): Promise<void> {
    if (await this.current.alive()) return;
    this.restarting ??= (async () => {
      this.sampleMemory();
      await this.current.stop().catch(() => undefined);
      this.current = await AbuseServer.start();
      this.logFiles.push(this.current.logFile);
      this.restarts += 1;
    })().finally(() => (this.restarting = null));
    await this.restarting;
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    this.sampleMemory();
    this.finalMemory = this.current.memory();
    await this.current.stop();
  }
}

function describe(error: unknown): string {
  if (error instanceof CaseFailure) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line.slice(0, 400)}`)
    .join('\n');
}
