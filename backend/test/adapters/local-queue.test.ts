import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalJobQueue } from '../../src/adapters/queue/local-queue';
import { LocalSignals } from '../../src/adapters/signals/local-signals';
import { describeJobQueueContract, sleep } from './queue.contract';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'r2w-queue-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HOUR_MS = 3_600_000;

// 'data' does not exist yet: the queue creates its folder.
const queueFile = () => path.join(dir, 'data', 'queue.db');

describeJobQueueContract('local (SQLite)', async (options) => {
  const queue = new LocalJobQueue<any>({ file: queueFile(), pollIntervalMs: 50, ...options });
  return { queue, cleanup: () => queue.close() };
});

describe('LocalJobQueue', () => {
  const open = (options: { visibilityTimeoutSeconds?: number; queueName?: string } = {}) =>
    new LocalJobQueue<any>({ file: queueFile(), visibilityTimeoutSeconds: 1, maxReceives: 5, pollIntervalMs: 50, ...options });

  it('wakes a waiting receive when this process sends, without waiting for the next poll', async () => {
    // A poll interval longer than the test's time limit: only the send can end this wait.
    const queue = new LocalJobQueue<any>({ file: queueFile(), visibilityTimeoutSeconds: 1, maxReceives: 5, pollIntervalMs: 600_000 });
    const waiting = queue.receive({ waitSeconds: 600 });
    const id = await queue.send({ cvId: 'cv-woken' });
    expect(await waiting).toMatchObject([{ id, body: { cvId: 'cv-woken' }, receiveCount: 1 }]);
    await queue.close();
  });

  it('wakes a waiting receive when another process sends, with signals between them', async () => {
    const signals = new LocalSignals({ dir: path.join(dir, 'signals') });
    await signals.listening;
    // The fallback look at the queue comes in an hour: only the signal can end this wait.
    const queue = new LocalJobQueue<any>({ file: queueFile(), visibilityTimeoutSeconds: 60, maxReceives: 5, pollIntervalMs: HOUR_MS, signals });
    try {
      const waiting = queue.receive({ waitSeconds: 3600 });
      const id = await sendFromChildProcess(queueFile(), path.join(dir, 'signals'), { cvId: 'cv-from-the-api' });
      expect(await waiting).toMatchObject([{ id, body: { cvId: 'cv-from-the-api' }, receiveCount: 1 }]);
    } finally {
      await queue.close();
      await signals.close();
    }
  });

  it('takes a delayed job when it becomes due, without a poll', async () => {
    const queue = new LocalJobQueue<any>({ file: queueFile(), visibilityTimeoutSeconds: 60, maxReceives: 5, pollIntervalMs: HOUR_MS });
    const waiting = queue.receive({ waitSeconds: 3600 });
    const id = await queue.send({ cvId: 'cv-later' }, { delaySeconds: 1 });
    expect(await waiting).toMatchObject([{ id, body: { cvId: 'cv-later' } }]);
    await queue.close();
  });

  it('keeps jobs, and claims on them, across a restart', async () => {
    const before = open();
    const claimed = await before.send({ cvId: 'cv-claimed' });
    const untouched = await before.send({ cvId: 'cv-untouched' });
    const [first] = await before.receive();
    expect(first?.id).toBe(claimed);
    await before.close();
    expect(fs.existsSync(queueFile())).toBe(true);

    const after = open();
    const [second] = await after.receive();
    expect(second).toMatchObject({ id: untouched, body: { cvId: 'cv-untouched' }, receiveCount: 1 });
    // The claim made before the restart still holds until its visibility timeout.
    expect(await after.receive()).toEqual([]);
    const [again] = await after.receive({ waitSeconds: 3 });
    expect(again).toMatchObject({ id: claimed, body: { cvId: 'cv-claimed' }, receiveCount: 2 });
    await after.close();
  });

  it('ignores ack and retry with the receipt of an earlier delivery', async () => {
    const queue = open();
    const id = await queue.send({ n: 1 });
    const [stale] = await queue.receive();
    const [current] = await queue.receive({ waitSeconds: 3 });
    expect(current).toMatchObject({ id, receiveCount: 2 });

    await queue.ack(stale!);
    await queue.retry(stale!, 0);
    expect(await queue.receive()).toEqual([]);

    // The current delivery is untouched: its receipt still works.
    await queue.retry(current!, 0);
    const [third] = await queue.receive();
    expect(third).toMatchObject({ id, receiveCount: 3 });
    await queue.ack(third!);
    await queue.retry(third!, 0);
    expect(await queue.receive()).toEqual([]);
    await queue.close();
  });

  it('ends a pending long poll with no jobs when closed', async () => {
    const queue = open();
    const polling = queue.receive({ waitSeconds: 20 });
    await sleep(100);
    await queue.close();
    // Settled before the event loop's next turn: the close itself ended the poll.
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still polling')));
    expect(await Promise.race([polling, nextTurn])).toEqual([]);
  });

  it('keeps named queues in one file apart', async () => {
    const cvs = open({ queueName: 'cv-extraction' });
    const sites = open({ queueName: 'site-build' });
    const id = await cvs.send({ n: 1 });
    expect(await sites.receive()).toEqual([]);
    expect((await cvs.receive()).map((job) => job.id)).toEqual([id]);
    await Promise.all([cvs.close(), sites.close()]);
  });

  it('never gives one job to two processes polling the same file', async () => {
    const claimers = [claimInChildProcess(queueFile()), claimInChildProcess(queueFile())];
    await Promise.all(claimers.map((claimer) => claimer.ready));

    // Sent one at a time while both processes poll, so both reach for each new job.
    const queue = open();
    const sent = [];
    for (let n = 0; n < 20; n += 1) {
      sent.push(await queue.send({ n }));
      await sleep(5);
    }
    await queue.close();

    const claimed = (await Promise.all(claimers.map((claimer) => claimer.claimed))).flat();
    expect(claimed.sort()).toEqual(sent.sort());
  });
});

// A separate Node process (own SQLite connection, own locks) polling every millisecond.
// It prints a line when ready, then the ids it claimed once 2 s pass without a job.
const CLAIMER = `
  require('tsx/cjs');
  const { LocalJobQueue } = require(process.env.QUEUE_MODULE);
  const queue = new LocalJobQueue({ file: process.env.QUEUE_FILE, visibilityTimeoutSeconds: 60, maxReceives: 5, pollIntervalMs: 1 });
  process.stdout.write('ready\\n');
  (async () => {
    const ids = [];
    for (let jobs = await queue.receive({ waitSeconds: 2 }); jobs.length > 0; jobs = await queue.receive({ waitSeconds: 2 })) {
      ids.push(...jobs.map((job) => job.id));
    }
    await queue.close();
    process.stdout.write(JSON.stringify(ids));
  })();
`;

function claimInChildProcess(file: string): { ready: Promise<void>; claimed: Promise<string[]> } {
  const child = spawn(process.execPath, ['-e', CLAIMER], {
    env: { ...process.env, QUEUE_MODULE: path.join(__dirname, '../../src/adapters/queue/local-queue.ts'), QUEUE_FILE: file },
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (stdout.includes('\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const claimed = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout.slice(stdout.indexOf('\n') + 1)) as string[]) : reject(new Error(`claimer exited ${code}: ${stderr}`))));
  });
  return { ready, claimed };
}

// A separate Node process (as the API is to a worker process) that sends one job with its
// own LocalSignals on the same folder, prints the job's id and exits.
const SENDER = `
  require('tsx/cjs');
  const { LocalJobQueue } = require(process.env.QUEUE_MODULE);
  const { LocalSignals } = require(process.env.SIGNALS_MODULE);
  const signals = new LocalSignals({ dir: process.env.SIGNALS_DIR });
  const queue = new LocalJobQueue({ file: process.env.QUEUE_FILE, visibilityTimeoutSeconds: 60, maxReceives: 5, signals });
  (async () => {
    await signals.listening;
    const id = await queue.send(JSON.parse(process.env.BODY));
    process.stdout.write(id);
    // The signal already on its way keeps the process alive until it is written.
    await queue.close();
    await signals.close();
  })();
`;

function sendFromChildProcess(file: string, signalsDir: string, body: unknown): Promise<string> {
  const child = spawn(process.execPath, ['-e', SENDER], {
    env: {
      ...process.env,
      QUEUE_MODULE: path.join(__dirname, '../../src/adapters/queue/local-queue.ts'),
      SIGNALS_MODULE: path.join(__dirname, '../../src/adapters/signals/local-signals.ts'),
      QUEUE_FILE: file,
      SIGNALS_DIR: signalsDir,
      BODY: JSON.stringify(body),
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`sender exited ${code}: ${stderr}`))));
  });
}
