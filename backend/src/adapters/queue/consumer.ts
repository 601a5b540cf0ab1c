import { setTimeout as sleep } from 'node:timers/promises';
import type { JobQueue, ReceivedJob } from './job-queue';

// Runs a handler over a job queue: up to `concurrency` jobs at a time, ack on success,
// and on failure a retry with backoff, so the queue's maxReceives / redrive policy
// decides when a job has failed for good. The consumer never dead-letters by itself.
export interface ConsumerOptions<T> {
  /** Jobs handled at once (default 1). */
  concurrency?: number;
  /** Long-poll length of each receive (default 10); stop() may wait this long for it. */
  waitSeconds?: number;
  /** Delay before a failed job is delivered again (default 2^receiveCount s, at most 60). */
  retryDelaySeconds?: (receiveCount: number) => number;
  /**
   * Failures of the handler (`source` 'handler', with its job) and of the queue: receiving
   * (without a job) and acking, retrying or extending a job. Default: console.error.
   */
  onError?: (err: unknown, job?: ReceivedJob<T>, source?: 'handler' | 'queue') => void;
  /**
   * The queue's visibility timeout. While a handler runs longer than that, the queue would
   * deliver its job again to another consumer; with this set, the consumer keeps extending
   * the job's visibility (every third of it, or every `heartbeatSeconds`) until the handler ends.
   */
  visibilityTimeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface StopOptions {
  /**
   * How long jobs in hand may take to finish. Those still running then are handed back to
   * the queue at once (for another worker) and stop() returns; without it, stop() waits.
   */
  graceMs?: number;
}

const MAX_RECEIVE_ERROR_PAUSE_MS = 30_000;

function exponentialBackoff(receiveCount: number): number {
  return Math.min(2 ** receiveCount, 60);
}

function reportToConsole(err: unknown): void {
  console.error('job consumer:', err);
}

export function startConsumer<T>(queue: JobQueue<T>, handler: (job: ReceivedJob<T>) => Promise<void>, options: ConsumerOptions<T> = {}): { stop(options?: StopOptions): Promise<void> } {
  const concurrency = options.concurrency ?? 1;
  const waitSeconds = options.waitSeconds ?? 10;
  const retryDelaySeconds = options.retryDelaySeconds ?? exponentialBackoff;
  const onError = options.onError ?? reportToConsole;
  const inFlight = new Map<Promise<void>, { job: ReceivedJob<T>; stopHeartbeat: () => void }>();
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));

  /** While a handler runs, keeps its job from other consumers; returns the way to stop that. */
  function keepInvisible(job: ReceivedJob<T>): () => void {
    const visibility = options.visibilityTimeoutSeconds;
    if (visibility === undefined) return () => undefined;
    const every = options.heartbeatSeconds ?? visibility / 3;
    const timer = setInterval(() => void queue.extendVisibility(job, visibility).catch((err: unknown) => onError(err, job, 'queue')), every * 1000);
    return () => clearInterval(timer);
  }

  // Never rejects: a failed ack or retry is reported and the job simply comes back
  // after its visibility timeout.
  async function handle(job: ReceivedJob<T>, stopHeartbeat: () => void): Promise<void> {
    let failure: { err: unknown } | undefined;
    try {
      await handler(job);
    } catch (err) {
      failure = { err };
    } finally {
      stopHeartbeat();
    }
    if (failure) {
      onError(failure.err, job, 'handler');
      await queue.retry(job, retryDelaySeconds(job.receiveCount)).catch((retryErr: unknown) => onError(retryErr, job, 'queue'));
      return;
    }
    await queue.ack(job).catch((ackErr: unknown) => onError(ackErr, job, 'queue'));
  }

  function start(job: ReceivedJob<T>): void {
    const stopHeartbeat = keepInvisible(job);
    const running = handle(job, stopHeartbeat).finally(() => inFlight.delete(running));
    inFlight.set(running, { job, stopHeartbeat });
  }

  async function loop(): Promise<void> {
    let receiveFailures = 0;
    while (!stopping.signal.aborted) {
      if (inFlight.size >= concurrency) {
        await Promise.race([...inFlight.keys(), stopped]);
        continue;
      }
      let jobs: ReceivedJob<T>[];
      try {
        jobs = await queue.receive({ maxMessages: concurrency - inFlight.size, waitSeconds, signal: stopping.signal });
        receiveFailures = 0;
      } catch (err) {
        onError(err, undefined, 'queue');
        receiveFailures += 1;
        const pauseMs = Math.min(1000 * 2 ** (receiveFailures - 1), MAX_RECEIVE_ERROR_PAUSE_MS);
        await sleep(pauseMs, undefined, { signal: stopping.signal }).catch(() => undefined);
        continue;
      }
      if (stopping.signal.aborted) {
        // Received while stopping: hand them straight back for another worker rather
        // than hold up shutdown (each has still used up one delivery).
        await Promise.all(jobs.map((job) => queue.retry(job, 0).catch((err: unknown) => onError(err, job, 'queue'))));
        return;
      }
      jobs.forEach(start);
    }
  }

  const looping = loop();
  return {
    async stop(stopOptions: StopOptions = {}) {
      stopping.abort();
      await looping;
      const allDone = Promise.all(inFlight.keys()).then(() => true);
      if (stopOptions.graceMs === undefined) {
        await allDone;
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), stopOptions.graceMs);
      });
      const finished = await Promise.race([allDone, graceOver]);
      clearTimeout(timer);
      if (finished) return;
      // Each handed-back job is delivered again soon and, being idempotent, redone by whoever takes it.
      await Promise.all(
        [...inFlight.values()].map(({ job, stopHeartbeat }) => {
          stopHeartbeat();
          return queue.retry(job, 0).catch((err: unknown) => onError(err, job, 'queue'));
        }),
      );
    },
  };
}
