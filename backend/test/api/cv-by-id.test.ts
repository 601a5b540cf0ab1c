import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fullCv } from '../support/full-cv';
import { createTestApp, type TestApp } from '../support/test-app';

// The CV routes read a CV through cvById (a statement prepared once) instead of Prisma:
// it must return, field for field and type for type, what Prisma returns.

let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = createTestApp();
  userId = (await t.container.db.user.create({ data: { id: randomUUID(), email: `cv-by-id-${randomUUID()}@example.com` } })).id;
});
afterAll(() => t.close());

async function expectSameAsPrisma(id: string) {
  const viaPrisma = await t.container.db.cv.findUnique({ where: { id } });
  expect(viaPrisma).not.toBeNull();
  const viaStatement = await t.container.cvById(id);
  expect(viaStatement).toStrictEqual(viaPrisma);
  expect(viaStatement!.createdAt).toBeInstanceOf(Date);
  return viaStatement!;
}

it('returns the row Prisma returns for a ready CV with its 18 sections', async () => {
  const cv = await t.container.db.cv.create({
    data: { id: randomUUID(), userId, status: 'ready', progress: 100, progressMessage: 'Done', data: fullCv() as object, extractor: 'import', requestId: 'r-1' },
  });
  const row = await expectSameAsPrisma(cv.id);
  expect(row.data).toStrictEqual(JSON.parse(JSON.stringify(fullCv())));
});

it('returns the row Prisma returns for an anonymous upload that failed (nulls, numbers, hashes)', async () => {
  const cv = await t.container.db.cv.create({
    data: {
      id: randomUUID(),
      claimTokenHash: 'hash',
      uploaderHash: 'net',
      status: 'failed',
      fileName: 'Lebenslauf_Müller.pdf',
      fileKey: 'uploads/x',
      fileKind: 'pdf',
      fileSize: 123_456,
      errorCode: 'FILE_DAMAGED',
      errorMessage: 'Damaged.',
      attempts: 3,
    },
  });
  const row = await expectSameAsPrisma(cv.id);
  expect(row.data).toBeNull();
});

it('reads stored times as UTC whatever the time zone of the process', async () => {
  const cv = await t.container.db.cv.create({ data: { id: randomUUID(), userId, status: 'queued', createdAt: new Date('2026-01-02T03:04:05.678Z') } });
  await expectSameAsPrisma(cv.id);
  // Jest keeps its own copy of process.env, so the zone is set on a process of its own.
  const script = `const { createDatabase } = require(${JSON.stringify(path.resolve(__dirname, '../../src/db/database'))});
    const access = createDatabase(${JSON.stringify(t.container.config.database)});
    access.cvById(${JSON.stringify(cv.id)}).then(async (row) => { console.log(row.createdAt.toISOString()); await access.close(); });`;
  const printed = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: 'America/Los_Angeles' }, encoding: 'utf8' });
  expect(printed.trim()).toBe('2026-01-02T03:04:05.678Z');
});

it('answers null for an id that is not there', async () => {
  await expect(t.container.cvById(randomUUID())).resolves.toBeNull();
});
