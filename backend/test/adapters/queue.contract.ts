import type { JobQueue } from '../../src/adapters/queue/job-queue';

// The behaviour every JobQueue must share, run against each adapter by its own test file.
// Visibility timeouts of 1 s keep the redelivery cases short; waits are generous
// because only the outcome, not the timing, is part of the contract.
export interface QueueUnderTest {
  queue: JobQueue<any>;
  cleanup(): Promise<void>;
}

export type MakeQueue = (options: { visibilityTimeoutSeconds: number; maxReceives: number }) => Promise<QueueUnderTest>;

export function describeJobQueueContract(name: string, makeQueue: MakeQueue): void {
  describe(`JobQueue contract: ${name}`, () => {
    let current: QueueUnderTest | undefined;

    async function open(options = { visibilityTimeoutSeconds: 30, maxReceives: 5 }): Promise<JobQueue<any>> {
      current = await makeQueue(options);
      return current.queue;
    }

    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('delivers a JSON body once and removes it on ack', async () => {
      const queue = await open({ visibilityTimeoutSeconds: 1, maxReceives: 5 });
      const body = { cvId: 'cv-1', pages: [1, 2], options: { ocr: false, language: 'en' }, note: 'naïve “quotes”' };
      const id = await queue.send(body);

      const [job, ...rest] = await queue.receive({ waitSeconds: 2 });
      expect(rest).toEqual([]);
      expect(job).toEqual({ id, body, receiveCount: 1, receipt: expect.any(String) });
      await queue.ack(job!);

      // Past the visibility timeout an unacked job would be back (next test); this one is gone.
      await sleep(1200);
      expect(await queue.receive()).toEqual([]);
      expect(await queue.deadLetters()).toEqual([]);
    });

    it('returns an empty list when nothing arrives within waitSeconds', async () => {
      const queue = await open();
      expect(await queue.receive({ waitSeconds: 1 })).toEqual([]);
    });

    it('long-polls: a job sent during the wait is returned', async () => {
      const queue = await open();
      const sending = sleep(300).then(() => queue.send({ n: 1 }));
      const jobs = await queue.receive({ waitSeconds: 5 });
      expect(jobs.map((job) => job.body)).toEqual([{ n: 1 }]);
      expect(jobs[0]?.id).toBe(await sending);
    });

    it('keeps a received job invisible, then delivers it again after the visibility timeout', async () => {
      const queue = await open({ visibilityTimeoutSeconds: 1, maxReceives: 5 });
      const id = await queue.send({ n: 1 });
      const [first] = await queue.receive({ waitSeconds: 2 });
      expect(first?.receiveCount).toBe(1);
      expect(await queue.receive()).toEqual([]);

      const [second, ...rest] = await queue.receive({ waitSeconds: 3 });
      expect(rest).toEqual([]);
      expect(second).toEqual({ id, body: { n: 1 }, receiveCount: 2, receipt: expect.any(String) });
      expect(second?.receipt).not.toBe(first?.receipt);
    });

    it('retry makes the job visible again after the delay', async () => {
      const queue = await open({ visibilityTimeoutSeconds: 30, maxReceives: 5 });
      const id = await queue.send({ n: 1 });
      const [first] = await queue.receive({ waitSeconds: 2 });
      await queue.retry(first!, 1);
      expect(await queue.receive()).toEqual([]);

      const [second] = await queue.receive({ waitSeconds: 3 });
      expect(second).toMatchObject({ id, body: { n: 1 }, receiveCount: 2 });
    });

    it('extendVisibility keeps a job hidden past its visibility timeout', async () => {
      const queue = await open({ visibilityTimeoutSeconds: 1, maxReceives: 5 });
      await queue.send({ n: 1 });
      const [first] = await queue.receive({ waitSeconds: 2 });
      await queue.extendVisibility(first!, 60);
      // Well past the original second: without the extension the job would be back.
      expect(await queue.receive({ waitSeconds: 2.5 })).toEqual([]);
      await queue.ack(first!);
    });

    it('holds back a job sent with delaySeconds', async () => {
      const queue = await open();
      const id = await queue.send({ n: 1 }, { delaySeconds: 1 });
      expect(await queue.receive()).toEqual([]);
      const jobs = await queue.receive({ waitSeconds: 3 });
      expect(jobs.map((job) => job.id)).toEqual([id]);
    });

    it('dead-letters a job after maxReceives deliveries and never delivers it again', async () => {
      const queue = await open({ visibilityTimeoutSeconds: 30, maxReceives: 2 });
      const id = await queue.send({ cvId: 'cv-doomed' });
      for (const expectedCount of [1, 2]) {
        const [job, ...rest] = await queue.receive({ waitSeconds: 2 });
        expect(rest).toEqual([]);
        expect(job?.receiveCount).toBe(expectedCount);
        await queue.retry(job!, 0);
      }

      expect(await queue.receive({ waitSeconds: 1 })).toEqual([]);
      expect(await queue.deadLetters()).toEqual([{ id, body: { cvId: 'cv-doomed' }, receiveCount: 2 }]);
      expect(await queue.receive()).toEqual([]);
    });

    it('returns several jobs in one receive, up to maxMessages', async () => {
      const queue = await open();
      const ids = [];
      for (const n of [1, 2, 3, 4]) ids.push(await queue.send({ n }));

      const firstBatch = await queue.receive({ maxMessages: 3, waitSeconds: 2 });
      expect(firstBatch).toHaveLength(3);
      const secondBatch = await queue.receive({ maxMessages: 3, waitSeconds: 2 });
      const all = [...firstBatch, ...secondBatch];
      expect(all.map((job) => job.id).sort()).toEqual([...ids].sort());
      expect(all.map((job) => job.body.n).sort()).toEqual([1, 2, 3, 4]);
    });

    it('answers ping', async () => {
      const queue = await open();
      await expect(queue.ping()).resolves.toBeUndefined();
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
