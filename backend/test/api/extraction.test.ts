import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startExtractionWorker } from '../../src/worker/start-extraction-worker';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { waitFor } from '../support/ports';
import { cvDocx, FIXTURE_DIR, imageOnlyPdf, oneColumnCv, zipBomb } from '../extraction/text/fixtures';

// Upload → queue → worker → extraction → stored CV, through the real API and worker.
let t: TestApp;
let worker: { stop(): Promise<void> };
let user: Account;

beforeAll(async () => {
  t = createTestApp();
  worker = startExtractionWorker(t.container, { waitSeconds: 0.2 });
  user = await registerAccount(t.app);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function pdfWithLines(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  return Buffer.from(await doc.save());
}

async function uploadAndWait(file: Buffer, name: string) {
  const res = await request(t.app)
    .post('/api/v1/cvs')
    .set(...bearer(user.accessToken))
    .attach('file', file, name);
  expect(res.status).toBe(202);
  const id = res.body.cv.id as string;
  let cv: { status: string; [key: string]: unknown } = res.body.cv;
  await waitFor(
    async () => {
      cv = (
        await request(t.app)
          .get(`/api/v1/cvs/${id}`)
          .set(...bearer(user.accessToken))
      ).body.cv;
      return cv.status === 'ready' || cv.status === 'failed';
    },
    { what: `extraction of ${name}`, timeoutMs: 45_000, intervalMs: 200 },
  );
  return cv as { id: string; status: string; progress: number; extractor: string; data: any; error?: { code: string; message: string } };
}

describe('extraction', () => {
  it('extracts a PDF into the 18 sections with a report', async () => {
    const cv = await uploadAndWait(await oneColumnCv(), 'jane.pdf');
    expect(cv.status).toBe('ready');
    expect(cv.progress).toBe(100);
    expect(cv.extractor).toBe('offline');
    expect(cv.data.schemaVersion).toBe(1);
    expect(cv.data.hero.fullName).toBe('Jane Doe');
    expect(JSON.stringify(cv.data.experience)).toContain('Acme Corp');
    expect(JSON.stringify(cv.data.education)).toContain('University of Leeds');
    expect(cv.data.extraction).toMatchObject({ rejectedValues: expect.any(Number), unclassifiedText: expect.any(Array) });
    expect(cv.data.extraction.sections.hero.source).toBe('heuristic');
  });

  it('extracts a DOCX', async () => {
    const cv = await uploadAndWait(await cvDocx(), 'cv.docx');
    expect(cv.status).toBe('ready');
    expect(cv.data.hero.fullName).toBeTruthy();
  });

  it.each([
    ['an encrypted PDF', () => readFileSync(path.join(FIXTURE_DIR, 'encrypted.pdf')), 'cv.pdf', 'PDF_ENCRYPTED', /password-protected/],
    ['a corrupt PDF', async () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage'), 'cv.pdf', 'FILE_CORRUPT', /damaged/],
    ['an image-only PDF', imageOnlyPdf, 'scan.pdf', 'NO_TEXT_FOUND', /^No text found.*upload a text PDF or DOCX\.$/i],
    ['a DOCX zip bomb', async () => zipBomb(200), 'cv.docx', 'ARCHIVE_TOO_LARGE', /unpacks to far more data/],
    [
      'a document that is not a CV',
      () =>
        pdfWithLines([
          'INVOICE #2024-0117',
          'Bill to: Acme Corp, 1 Main St',
          'Item: Consulting services  10 h x 90.00',
          'Subtotal 900.00',
          'VAT 20% 180.00',
          'Total due 1,080.00',
          'Payment terms: 30 days',
        ]),
      'invoice.pdf',
      'NOT_A_CV',
      /does not look like a CV/,
    ],
  ])('fails %s with a clear message, at once', async (_label, make, name, code, message) => {
    const cv = await uploadAndWait(await make(), name);
    expect(cv.status).toBe('failed');
    expect(cv.error?.code).toBe(code);
    expect(cv.error?.message).toMatch(message);
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: cv.id } });
    expect(row.attempts).toBe(1);
  });

  it('keeps working after bad files: the queue is not blocked', async () => {
    const results = await Promise.all([uploadAndWait(await imageOnlyPdf(), 'scan.pdf'), uploadAndWait(zipBomb(100), 'bomb.docx'), uploadAndWait(await oneColumnCv(), 'good.pdf')]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'ready']);
  });

  it('answers a redelivered job for a finished CV without redoing it', async () => {
    const cv = await uploadAndWait(await oneColumnCv(), 'again.pdf');
    const before = await t.container.db.cv.findUniqueOrThrow({ where: { id: cv.id } });
    await t.container.queue.send({ cvId: cv.id });
    const skipped = () => t.logs.some((line) => line.message === 'extraction job skipped' && line.cvId === cv.id);
    await waitFor(async () => skipped(), { what: 'the worker to take the redelivered job' });
    const after = await t.container.db.cv.findUniqueOrThrow({ where: { id: cv.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.attempts).toBe(1);
    expect(await t.container.db.cv.count({ where: { fileKey: before.fileKey } })).toBe(1);
  });

  it('counts jobs by outcome in the metrics', async () => {
    const text = (await request(t.app).get('/metrics')).text;
    expect(text).toMatch(/r2w_extraction_jobs_total\{outcome="ready",extractor="offline"\} [1-9]/);
    expect(text).toMatch(/r2w_extraction_jobs_total\{outcome="failed",extractor="none"\} [1-9]/);
    expect(text).toMatch(/r2w_extraction_duration_seconds_count\{extractor="offline"\} [1-9]/);
  });
});
