import { emptyCv, MAX_SHORT_TEXT, type Cv } from '@r2w/cv-schema';
import request from 'supertest';
import { startConsumer } from '../../src/adapters/queue/consumer';
import { ExtractionError, ExtractionFailure } from '../../src/extraction/errors';
import type { CvExtractor } from '../../src/extraction/extractors/extractor';
import { ExtractionPipeline } from '../../src/extraction/pipeline';
import { TransientError } from '../../src/lib/failure-cause';
import { createExtractionJobHandler } from '../../src/worker/extraction-job';
import { bearer, registerAccount } from '../support/accounts';
import { waitFor } from '../support/ports';
import { createTestApp, type TestApp } from '../support/test-app';

// A failure that passes (a dependency hiccup) is retried; one that keeps failing ends
// with the CV marked failed and the job dead-lettered. A failure of the work itself
// (a bug, the file's content) fails at once. The extractors here fail on purpose;
// everything else is the real worker path.
const CV_TEXT =
  'Jane Doe\nSoftware Engineer\njane@example.com\n\nEXPERIENCE\nAcme Corp, Engineer, 2019 – Present\n• Built the billing system\n\nEDUCATION\nBSc Computer Science, University of Leeds, 2015 – 2018\n';

function flakyExtractor(failures: number): CvExtractor & { calls: number } {
  return {
    name: 'offline',
    calls: 0,
    async extract() {
      this.calls++;
      if (this.calls <= failures) throw new TransientError(`temporary failure ${this.calls}`);
      const cv = emptyCv();
      cv.hero = { fullName: 'Jane Doe' };
      return { cv, unclassifiedText: [], confidence: { hero: 0.9 } };
    },
  };
}

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ QUEUE_MAX_RECEIVES: '3', QUEUE_VISIBILITY_TIMEOUT_SECONDS: '5' });
});
afterEach(() => t.close());

async function runWith(extractor: CvExtractor) {
  const { db, storage, logger, metrics, queue } = t.container;
  const pipeline = new ExtractionPipeline({ primary: extractor, logger, metrics });
  const handler = createExtractionJobHandler({ db, storage, pipeline, logger, metrics, maxReceives: 3 });
  return startConsumer(queue, handler, { waitSeconds: 0.1, retryDelaySeconds: () => 0, onError: () => undefined });
}

async function uploadText(token: string, text = CV_TEXT): Promise<string> {
  const res = await request(t.app)
    .post('/api/v1/cvs')
    .set(...bearer(token))
    .attach('file', Buffer.from(text), 'cv.txt');
  return res.body.cv.id;
}

it('retries a job whose extraction failed for a passing reason, then succeeds', async () => {
  const user = await registerAccount(t.app);
  const extractor = flakyExtractor(2);
  const consumer = await runWith(extractor);
  const id = await uploadText(user.accessToken);
  await waitFor(async () => (await t.container.db.cv.findUniqueOrThrow({ where: { id } })).status === 'ready', { what: 'the retried job', timeoutMs: 20_000 });
  await consumer.stop();
  const row = await t.container.db.cv.findUniqueOrThrow({ where: { id } });
  expect(extractor.calls).toBe(3);
  expect(row.attempts).toBe(3);
  expect((row.data as { hero: { fullName: string } }).hero.fullName).toBe('Jane Doe');
  expect(await t.container.queue.deadLetters()).toEqual([]);
});

it('marks the CV failed after its last attempt and leaves the job in the dead-letter queue', async () => {
  const user = await registerAccount(t.app);
  const consumer = await runWith(flakyExtractor(100));
  const id = await uploadText(user.accessToken);
  await waitFor(async () => (await t.container.queue.deadLetters()).length === 1, { what: 'the dead letter', timeoutMs: 30_000 });
  await consumer.stop();
  const cv = (
    await request(t.app)
      .get(`/api/v1/cvs/${id}`)
      .set(...bearer(user.accessToken))
  ).body.cv;
  expect(cv.status).toBe('failed');
  expect(cv.error).toEqual({ code: 'EXTRACTION_FAILED', message: 'We could not extract this CV after several attempts. Please try again later or upload it again.' });
  const [dead] = await t.container.queue.deadLetters();
  expect(dead!.body.cvId).toBe(id);
  expect(dead!.receiveCount).toBe(3);
});

function extractorOf(build: (cv: Cv) => void, failWith?: Error): CvExtractor & { calls: number } {
  return {
    name: 'offline',
    calls: 0,
    async extract() {
      this.calls++;
      if (failWith) throw failWith;
      const cv = emptyCv();
      build(cv);
      return { cv, unclassifiedText: ['a line the extractor could not place'], confidence: { hero: 0.9 } };
    },
  };
}

it('fails a job at once when the work itself fails (a bug), says so, and does not dead-letter it', async () => {
  const user = await registerAccount(t.app);
  const extractor = extractorOf(() => undefined, new TypeError("Cannot read properties of undefined (reading 'items')"));
  const consumer = await runWith(extractor);
  const id = await uploadText(user.accessToken);
  await waitFor(async () => (await t.container.db.cv.findUniqueOrThrow({ where: { id } })).status === 'failed', { what: 'the failed CV', timeoutMs: 20_000 });
  await consumer.stop();
  const cv = (
    await request(t.app)
      .get(`/api/v1/cvs/${id}`)
      .set(...bearer(user.accessToken))
  ).body.cv;
  expect(extractor.calls).toBe(1);
  expect(cv.error.code).toBe('EXTRACTION_FAILED');
  expect(cv.error.message).toMatch(/on our side/);
  expect(await t.container.queue.deadLetters()).toEqual([]);
  expect(t.logs.some((line) => line.level === 'error' && line.message === 'extraction failed on our side')).toBe(true);
});

it('makes an over-long extractor result fit the CV schema, keeping the rest as text to place', async () => {
  const user = await registerAccount(t.app);
  const longSkills = Array.from({ length: 350 }, (_, i) => `skill${i}`).join(' ');
  expect(longSkills.length).toBeGreaterThan(MAX_SHORT_TEXT);
  const extractor = extractorOf((cv) => {
    cv.hero = { fullName: 'Jane Doe' };
    cv.skills.skillCategories = [{ id: 'skills-1', categoryName: 'Tools', skills: [longSkills] }];
    cv.languages.items = Array.from({ length: 620 }, (_, i) => ({ id: `language-${i}`, language: `Language ${i}` }));
    cv.experience.items = [
      { id: 'same', jobTitle: 'Engineer' },
      { id: 'same', jobTitle: 'Analyst' },
    ];
  });
  const consumer = await runWith(extractor);
  // The values are in the file, so the source check keeps them for the fitting to deal with.
  const languages = Array.from({ length: 620 }, (_, i) => `Language ${i}`);
  const id = await uploadText(user.accessToken, `${CV_TEXT}Analyst\n\nSKILLS\n${longSkills}\n\nLANGUAGES\n${languages.join('\n')}\n`);
  await waitFor(async () => ['ready', 'failed'].includes((await t.container.db.cv.findUniqueOrThrow({ where: { id } })).status), { what: 'the extracted CV', timeoutMs: 20_000 });
  await consumer.stop();
  const cv = (
    await request(t.app)
      .get(`/api/v1/cvs/${id}`)
      .set(...bearer(user.accessToken))
  ).body.cv;
  expect(cv.status).toBe('ready');
  expect(extractor.calls).toBe(1);
  const skill: string = cv.data.skills.skillCategories[0].skills[0];
  expect(skill.length).toBeLessThanOrEqual(MAX_SHORT_TEXT);
  expect(longSkills.startsWith(skill)).toBe(true);
  expect(cv.data.languages.items).toHaveLength(500);
  expect(new Set(cv.data.experience.items.map((item: { id: string }) => item.id)).size).toBe(2);
  const unplaced: string[] = cv.data.extraction.unclassifiedText;
  expect(unplaced).toContain('a line the extractor could not place');
  expect(unplaced).toContain(longSkills);
  expect(unplaced).toContain('Language 619');
});

it("a delivery that fails after another delivery of the same job took over leaves that one's result alone", async () => {
  const user = await registerAccount(t.app);
  const id = await uploadText(user.accessToken);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let firstStarted = false;
  const extractor: CvExtractor = {
    name: 'offline',
    async extract() {
      if (!firstStarted) {
        firstStarted = true;
        // The first delivery (handed back at a shutdown, say) is still running...
        await gate;
        throw new TransientError('parser stopped while the process shut down');
      }
      const cv = emptyCv();
      cv.hero = { fullName: 'Jane Doe' };
      return { cv, unclassifiedText: [], confidence: { hero: 0.9 } };
    },
  };
  const { db, storage, logger, metrics } = t.container;
  const handler = createExtractionJobHandler({ db, storage, pipeline: new ExtractionPipeline({ primary: extractor, logger, metrics }), logger, metrics, maxReceives: 3 });
  const job = (receiveCount: number) => ({ id: 'job-1', body: { cvId: id, requestId: 'r' }, receiveCount, receipt: `receipt-${receiveCount}` });
  const first = handler(job(1)).catch((error: unknown) => error);
  await waitFor(async () => firstStarted, { what: 'the first delivery to reach the extractor' });
  // ...while the second delivery, taken by another worker, finishes the CV.
  await handler(job(2));
  expect((await db.cv.findUniqueOrThrow({ where: { id } })).status).toBe('ready');
  release();
  expect(await first).toBeInstanceOf(TransientError);
  const row = await db.cv.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('ready');
  expect((row.data as { hero: { fullName: string } }).hero.fullName).toBe('Jane Doe');
});

it('gives an offline extraction that ran out of time (CV_TOO_COMPLEX) one more try, as a parse timeout gets, then fails the CV', async () => {
  const user = await registerAccount(t.app);
  const id = await uploadText(user.accessToken);
  const extractor = extractorOf(() => undefined, new ExtractionError('CV_TOO_COMPLEX'));
  const { db, storage, logger, metrics } = t.container;
  const handler = createExtractionJobHandler({ db, storage, pipeline: new ExtractionPipeline({ primary: extractor, logger, metrics }), logger, metrics, maxReceives: 3 });
  const job = (receiveCount: number) => ({ id: 'job-1', body: { cvId: id, requestId: 'r' }, receiveCount, receipt: `receipt-${receiveCount}` });
  await expect(handler(job(1))).rejects.toMatchObject({ code: 'CV_TOO_COMPLEX' });
  expect((await db.cv.findUniqueOrThrow({ where: { id } })).status).toBe('queued');
  await handler(job(2));
  const row = await db.cv.findUniqueOrThrow({ where: { id } });
  expect(extractor.calls).toBe(2);
  expect(row).toMatchObject({ status: 'failed', errorCode: 'CV_TOO_COMPLEX', errorMessage: ExtractionFailure.CV_TOO_COMPLEX });
});
