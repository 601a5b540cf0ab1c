import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InProcessSignals, signalTopics, type Signals } from '../signals/signals';
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
    nextVisible: db.prepare<[string], { at: number | null }>('SELECT MIN(visible_at) AS at FROM jobs WHERE queue = ?'),
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
   * Wakes a waiting receive when a job is sent or handed back, here or in another process
   * (LocalSignals); by default only sends from this process do.
   */
  signals?: Signals;
  /**
   * The longest a long-polling receive waits without looking at the queue (default 2 s):
   * the fallback for a signal that never came. A job that becomes due (a retry's delay, a
   * visibility timeout) is looked for when it is due, not at this interval.
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
  private readonly signals: Signals;
  private readonly topic: string;
  private readonly ownsSignals: boolean;
  // close() ends the long polls of this object at once rather than at their next look.
  private readonly closing = new AbortController();

  constructor(options: LocalJobQueueOptions) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.queueName = options.queueName ?? 'jobs';
    this.visibilityMs = options.visibilityTimeoutSeconds * 1000;
    this.maxReceives = options.maxReceives;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.ownsSignals = !options.signals;
    this.signals = options.signals ?? new InProcessSignals();
    this.topic = signalTopics.queue(this.queueName);
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
    // A delayed job too: a waiting receive then knows to look again when it is due.
    this.signals.publish(this.topic);
    return id;
  }

  async receive(options?: ReceiveOptions): Promise<ReceivedJob<T>[]> {
    const limit = options?.maxMessages ?? 1;
    const deadline = Date.now() + (options?.waitSeconds ?? 0) * 1000;
    // A look at the queue and the wait after it run in one turn of the event loop, so a
    // signal cannot fall between them: it comes during a wait and ends it.
    let wake: (() => void) | undefined;
    const unsubscribe = this.signals.subscribe(this.topic, () => wake?.());
    try {
      for (;;) {
        // A close() or a stop during a long poll ends it quietly rather than failing the caller.
        if (!this.db.open || options?.signal?.aborted) return [];
        const jobs = this.claim.immediate(limit);
        const remaining = deadline - Date.now();
        if (jobs.length > 0 || remaining <= 0) return jobs;
        const nextDue = this.statements.nextVisible.get(this.queueName)?.at;
        const untilDue = nextDue == null ? Infinity : Math.max(0, nextDue - Date.now());
        await new Promise<void>((resolve) => {
          const timer = setTimeout(end, Math.min(this.pollIntervalMs, remaining, untilDue));
          const signals = [options?.signal, this.closing.signal];
          function end(): void {
            clearTimeout(timer);
            for (const s of signals) s?.removeEventListener('abort', end);
            wake = undefined;
            resolve();
          }
          for (const s of signals) s?.addEventListener('abort', end, { once: true });
          wake = end;
        });
      }
    } finally {
      unsubscribe();
    }
  }

  async ack(job: ReceivedJob<T>): Promise<void> {
    this.statements.ack.run(this.queueName, job.id, job.receipt);
  }

  async retry(job: ReceivedJob<T>, delaySeconds: number): Promise<void> {
    this.visibleIn(job, delaySeconds);
    // A job handed back at shutdown is for another worker, now.
    this.signals.publish(this.topic);
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
    this.closing.abort();
    if (this.ownsSignals) await this.signals.close();
  }
}
