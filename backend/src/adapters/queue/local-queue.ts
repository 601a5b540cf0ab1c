import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { JobQueue, ReceivedJob, ReceiveOptions } from './job-queue';

// The local job queue: one SQLite file that the API and a separate worker process open
// at the same time. WAL lets readers and the one writer overlap, and busy_timeout makes
// a process wait for the other's write lock instead of failing. Times are epoch ms.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    queue TEXT NOT NULL,
    body TEXT NOT NULL,
    visible_at INTEGER NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    receipt TEXT
  );
  CREATE INDEX IF NOT EXISTS jobs_by_visibility ON jobs (queue, visible_at);
  CREATE TABLE IF NOT EXISTS dead_letters (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    queue TEXT NOT NULL,
    body TEXT NOT NULL,
    receive_count INTEGER NOT NULL,
    dead_at INTEGER NOT NULL
  );
`;

interface JobRow {
  seq: number;
  id: string;
  body: string;
  receive_count: number;
}

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<[string, string, string, number]>('INSERT INTO jobs (id, queue, body, visible_at) VALUES (?, ?, ?, ?)'),
    // SQS's redrive rule: a job is dead-lettered when it becomes due for a delivery
    // beyond maxReceives, not when its last delivery fails.
    buryExhausted: db.prepare<{ queue: string; now: number; max: number }>(`
      INSERT INTO dead_letters (id, queue, body, receive_count, dead_at)
      SELECT id, queue, body, receive_count, @now FROM jobs
      WHERE queue = @queue AND visible_at <= @now AND receive_count >= @max ORDER BY seq`),
    deleteExhausted: db.prepare<{ queue: string; now: number; max: number }>('DELETE FROM jobs WHERE queue = @queue AND visible_at <= @now AND receive_count >= @max'),
    selectVisible: db.prepare<[string, number, number], JobRow>('SELECT seq, id, body, receive_count FROM jobs WHERE queue = ? AND visible_at <= ? ORDER BY visible_at, seq LIMIT ?'),
    markReceived: db.prepare<[number, string, number]>('UPDATE jobs SET visible_at = ?, receive_count = receive_count + 1, receipt = ? WHERE seq = ?'),
    // Every write below names the receipt, so a caller holding the receipt of an
    // earlier delivery cannot touch the job another consumer now holds.
    ack: db.prepare<[string, string, string]>('DELETE FROM jobs WHERE queue = ? AND id = ? AND receipt = ?'),
    retry: db.prepare<[number, string, string, string]>('UPDATE jobs SET visible_at = ? WHERE queue = ? AND id = ? AND receipt = ?'),
    deadLetters: db.prepare<[string, number], { id: string; body: string; receive_count: number }>(
      'SELECT id, body, receive_count FROM (SELECT * FROM dead_letters WHERE queue = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
    ),
    ping: db.prepare('SELECT 1'),
  };
}

export interface LocalJobQueueOptions {
  file: string;
  /** Several logical queues can share one file. */
  queueName?: string;
  visibilityTimeoutSeconds: number;
  maxReceives: number;
  /**
   * How often a long-polling receive looks for jobs another process sent (or that became
   * due); a send from this process wakes it at once.
   */
  pollIntervalMs?: number;
}

export class LocalJobQueue<T> implements JobQueue<T> {
  readonly kind = 'local';
  private readonly db: Database.Database;
  private readonly queueName: string;
  private readonly visibilityMs: number;
  private readonly maxReceives: number;
  private readonly pollIntervalMs: number;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly claim: Database.Transaction<(limit: number) => ReceivedJob<T>[]>;
  // The API and the worker share one queue object in one process (npm start): a send
  // wakes a waiting receive, so an upload's job is taken at once, not at the next poll.
  private readonly sent = new EventEmitter().setMaxListeners(0);

  constructor(options: LocalJobQueueOptions) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.queueName = options.queueName ?? 'jobs';
    this.visibilityMs = options.visibilityTimeoutSeconds * 1000;
    this.maxReceives = options.maxReceives;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.statements = prepareStatements(this.db);

    // Run as IMMEDIATE: the write lock is taken before anything is read, so no other
    // process can claim the selected jobs in between; busy_timeout makes it queue for that
    // lock rather than fail.
    this.claim = this.db.transaction((limit: number): ReceivedJob<T>[] => {
      const now = Date.now();
      const due = { queue: this.queueName, now, max: this.maxReceives };
      this.statements.buryExhausted.run(due);
      this.statements.deleteExhausted.run(due);
      return this.statements.selectVisible.all(this.queueName, now, limit).map((row) => {
        const receipt = randomUUID();
        this.statements.markReceived.run(now + this.visibilityMs, receipt, row.seq);
        return { id: row.id, body: JSON.parse(row.body) as T, receiveCount: row.receive_count + 1, receipt };
      });
    });
  }

  async send(body: T, options?: { delaySeconds?: number }): Promise<string> {
    const id = randomUUID();
    this.statements.insert.run(id, this.queueName, JSON.stringify(body), Date.now() + (options?.delaySeconds ?? 0) * 1000);
    if (!options?.delaySeconds) this.sent.emit('sent');
    return id;
  }

  async receive(options?: ReceiveOptions): Promise<ReceivedJob<T>[]> {
    const limit = options?.maxMessages ?? 1;
    const deadline = Date.now() + (options?.waitSeconds ?? 0) * 1000;
    for (;;) {
      // A close() or a stop during a long poll ends it quietly rather than failing the caller.
      if (!this.db.open || options?.signal?.aborted) return [];
      const jobs = this.claim.immediate(limit);
      const remaining = deadline - Date.now();
      if (jobs.length > 0 || remaining <= 0) return jobs;
      await this.nextSendOrPoll(Math.min(this.pollIntervalMs, remaining), options?.signal);
    }
  }

  /** Resolves on a send from this process, after `ms`, or when `signal` aborts. */
  private async nextSendOrPoll(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const done = new AbortController();
    const timer = setTimeout(() => done.abort(), ms);
    const stop = () => done.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await once(this.sent, 'sent', { signal: done.signal });
    } catch {
      // The poll interval passed or the caller stopped: both end the wait the same way.
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      done.abort();
    }
  }

  async ack(job: ReceivedJob<T>): Promise<void> {
    this.statements.ack.run(this.queueName, job.id, job.receipt);
  }

  async retry(job: ReceivedJob<T>, delaySeconds: number): Promise<void> {
    this.visibleIn(job, delaySeconds);
  }

  async extendVisibility(job: ReceivedJob<T>, seconds: number): Promise<void> {
    this.visibleIn(job, seconds);
  }

  // Both are "visible again in n seconds", as SQS's ChangeMessageVisibility is for both.
  private visibleIn(job: ReceivedJob<T>, seconds: number): void {
    this.statements.retry.run(Date.now() + seconds * 1000, this.queueName, job.id, job.receipt);
  }

  async deadLetters(limit = 100): Promise<{ id: string; body: T; receiveCount: number }[]> {
    return this.statements.deadLetters.all(this.queueName, limit).map((row) => ({ id: row.id, body: JSON.parse(row.body) as T, receiveCount: row.receive_count }));
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    // Long polls in this process end now rather than at their next look.
    this.sent.emit('sent');
  }
}
