import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConsumer } from '../../src/adapters/queue/consumer';
import type { ReceivedJob } from '../../src/adapters/queue/job-queue';
import { LocalJobQueue } from '../../src/adapters/queue/local-queue';
import { waitFor } from '../support/ports';
import { sleep } from './queue.contract';

type Job = { n: number; fail?: boolean };
// Short long-polls (fractions are fine locally) so that each stop() returns quickly.
const WAIT_SECONDS = 0.25;

let dir: string;
let queue: LocalJobQueue<Job>;
let consumer: { stop(): Promise<void> } | undefined;

function openQueue(options: { visibilityTimeoutSeconds: number; maxReceives: number }): LocalJobQueue<Job> {
  queue = new LocalJobQueue<Job>({ file: path.join(dir, 'queue.db'), pollIntervalMs: 20, ...options });
  return queue;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'r2w-consumer-'));
});

afterEach(async () => {
  await consumer?.stop();
  consumer = undefined;
  await queue.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const failOnError = (err: unknown) => {
  throw err;
};

describe('startConsumer', () => {
  it('runs the handler for every job and acks each one', async () => {
    openQueue({ visibilityTimeoutSeconds: 1, maxReceives: 3 });
    for (let n = 0; n < 5; n += 1) await queue.send({ n });
    const handled: number[] = [];

    consumer = startConsumer(queue, async (job) => void handled.push(job.body.n), {
      concurrency: 2,
      waitSeconds: WAIT_SECONDS,
      onError: failOnError,
    });
    await waitFor(async () => handled.length === 5, { what: 'five jobs handled' });
    await consumer.stop();

    expect(handled.sort()).toEqual([0, 1, 2, 3, 4]);
    // Unacked jobs would be visible again by now.
    await sleep(1100);
    expect(await queue.receive()).toEqual([]);
    expect(await queue.deadLetters()).toEqual([]);
  });

  it('retries a failing job with backoff until the queue dead-letters it', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    const doomed = await queue.send({ n: 1, fail: true });
    await queue.send({ n: 2 });
    const attempts: number[] = [];
    const delaysAskedFor: number[] = [];
    const errors: [string, string | undefined][] = [];

    consumer = startConsumer(
      queue,
      async (job) => {
        if (!job.body.fail) return;
        attempts.push(job.receiveCount);
        throw new Error(`job ${job.body.n} failed`);
      },
      {
        waitSeconds: WAIT_SECONDS,
        retryDelaySeconds: (receiveCount) => {
          delaysAskedFor.push(receiveCount);
          return 0;
        },
        onError: (err, job) => errors.push([(err as Error).message, job?.id]),
      },
    );
    await waitFor(async () => (await queue.deadLetters()).length === 1, { what: 'the failing job to be dead-lettered' });
    await consumer.stop();

    expect(attempts).toEqual([1, 2, 3]);
    expect(delaysAskedFor).toEqual([1, 2, 3]);
    expect(errors).toEqual([
      ['job 1 failed', doomed],
      ['job 1 failed', doomed],
      ['job 1 failed', doomed],
    ]);
    expect(await queue.deadLetters()).toEqual([{ id: doomed, body: { n: 1, fail: true }, receiveCount: 3 }]);
    expect(await queue.receive()).toEqual([]);
  });

  it('backs off exponentially by default', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    await queue.send({ n: 1 });
    const retry = jest.spyOn(queue, 'retry');

    consumer = startConsumer(queue, async () => Promise.reject(new Error('boom')), { waitSeconds: WAIT_SECONDS, onError: () => undefined });
    await waitFor(async () => retry.mock.calls.length === 1, { what: 'a retry' });

    expect(retry.mock.calls[0]?.[0]).toMatchObject({ body: { n: 1 }, receiveCount: 1 });
    expect(retry.mock.calls[0]?.[1]).toBe(2);
  });

  it('never runs more handlers at once than its concurrency', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    for (let n = 0; n < 10; n += 1) await queue.send({ n });
    let running = 0;
    let mostAtOnce = 0;
    let done = 0;

    consumer = startConsumer(
      queue,
      async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(100);
        running -= 1;
        done += 1;
      },
      { concurrency: 3, waitSeconds: WAIT_SECONDS, onError: failOnError },
    );
    await waitFor(async () => done === 10, { what: 'ten jobs handled' });

    expect(mostAtOnce).toBe(3);
  });

  it('keeps polling after the queue fails to answer', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    await queue.send({ n: 7 });
    const outage = new Error('queue down');
    jest.spyOn(queue, 'receive').mockRejectedValueOnce(outage);
    const errors: [unknown, ReceivedJob<Job> | undefined][] = [];
    const handled: number[] = [];

    consumer = startConsumer(queue, async (job) => void handled.push(job.body.n), {
      waitSeconds: WAIT_SECONDS,
      onError: (err, job) => errors.push([err, job]),
    });
    await waitFor(async () => handled.length === 1, { what: 'the job after the outage' });

    expect(errors).toEqual([[outage, undefined]]);
    expect(handled).toEqual([7]);
  });

  it('stop() waits for running handlers and lets them ack', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    const id = await queue.send({ n: 1 });
    const ack = jest.spyOn(queue, 'ack');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;

    const running = startConsumer(
      queue,
      async () => {
        started = true;
        await gate;
        finished = true;
      },
      { waitSeconds: WAIT_SECONDS, onError: failOnError },
    );
    await waitFor(async () => started, { what: 'the handler to start' });
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));

    await sleep(1000);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(ack.mock.calls.map(([job]) => job.id)).toEqual([id]);
  });

  it('keeps a long-running job from other consumers by extending its visibility, until it ends', async () => {
    openQueue({ visibilityTimeoutSeconds: 3, maxReceives: 3 });
    await queue.send({ n: 1 });
    let started = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    consumer = startConsumer(
      queue,
      async () => {
        started = true;
        await gate;
        finished = true;
      },
      { waitSeconds: WAIT_SECONDS, onError: failOnError, visibilityTimeoutSeconds: 3, heartbeatSeconds: 0.1 },
    );
    await waitFor(async () => started, { what: 'the handler to start' });
    // Past the 3 s visibility timeout: another consumer asking now must get nothing.
    await sleep(4000);
    expect(await queue.receive()).toEqual([]);
    release();
    await waitFor(async () => finished, { what: 'the handler to finish' });
    await consumer.stop();
    consumer = undefined;
    // Acked: gone for good.
    expect(await queue.receive({ waitSeconds: 3.5 })).toEqual([]);
  });

  it('ends its long poll at once on stop, leaving a job sent meanwhile untouched for the next worker', async () => {
    openQueue({ visibilityTimeoutSeconds: 30, maxReceives: 3 });
    const handled: number[] = [];
    // A poll far longer than any test: stop() must not wait for it.
    const running = startConsumer(queue, async (job) => void handled.push(job.body.n), { waitSeconds: 600, onError: failOnError });
    await sleep(100);

    const stopping = running.stop();
    const id = await queue.send({ n: 1 });
    await stopping;

    expect(handled).toEqual([]);
    expect(await queue.receive()).toMatchObject([{ id, receiveCount: 1 }]);
  });

  it('with a grace period, hands back a job still running when it ends, for another worker', async () => {
    openQueue({ visibilityTimeoutSeconds: 600, maxReceives: 3 });
    const id = await queue.send({ n: 1 });
    let started = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = startConsumer(
      queue,
      async () => {
        started = true;
        await gate;
      },
      { waitSeconds: WAIT_SECONDS, onError: failOnError, visibilityTimeoutSeconds: 600, heartbeatSeconds: 0.05 },
    );
    await waitFor(async () => started, { what: 'the handler to start' });
    // The handler never finishes on its own, so the grace period always runs out.
    await running.stop({ graceMs: 50 });
    // Several heartbeat periods: a heartbeat still running would hide the job again.
    await sleep(300);
    // Visible again at once, although its visibility timeout has ten minutes to go.
    expect(await queue.receive()).toMatchObject([{ id, receiveCount: 2 }]);
    release();
  });
});
