import request from 'supertest';
import { sweepAnonymousCvs } from '../../src/worker/sweep-anonymous-cvs';
import { bearer, registerAccount } from '../support/accounts';
import { createTestApp, type TestApp } from '../support/test-app';

// Unclaimed anonymous uploads are deleted, file and all, after the retention period;
// claimed ones and recent ones are never touched.

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

async function anonymousUpload(): Promise<{ id: string; claimToken: string; fileKey: string }> {
  const res = await request(t.app).post('/api/v1/cvs').attach('file', Buffer.from('Jane Doe\nSoftware Engineer\njane@example.com\n'), 'cv.txt');
  expect(res.status).toBe(202);
  const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: res.body.cv.id } });
  return { id: res.body.cv.id, claimToken: res.body.claimToken, fileKey: row.fileKey! };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

describe('anonymous CV retention', () => {
  it('deletes old unclaimed CVs and their files, keeps recent and claimed ones, and counts them', async () => {
    const old = await anonymousUpload();
    const recent = await anonymousUpload();
    const claimedOld = await anonymousUpload();
    const owner = await registerAccount(t.app);
    expect(
      (
        await request(t.app)
          .post(`/api/v1/cvs/${claimedOld.id}/claim`)
          .set(...bearer(owner.accessToken))
          .send({ claimToken: claimedOld.claimToken })
      ).status,
    ).toBe(200);
    await t.container.db.cv.updateMany({ where: { id: { in: [old.id, claimedOld.id] } }, data: { createdAt: daysAgo(4) } });

    const deleted = await sweepAnonymousCvs(t.container, daysAgo(3));

    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await request(t.app).get(`/api/v1/cvs/${old.id}`).set('X-Claim-Token', old.claimToken)).status).toBe(404);
    expect(await t.container.storage.head(old.fileKey)).toBeNull();
    expect((await request(t.app).get(`/api/v1/cvs/${recent.id}`).set('X-Claim-Token', recent.claimToken)).status).toBe(200);
    expect(await t.container.storage.head(recent.fileKey)).not.toBeNull();
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${claimedOld.id}`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(200);
    expect(await t.container.storage.head(claimedOld.fileKey)).not.toBeNull();
    expect((await request(t.app).get('/metrics')).text).toMatch(/^r2w_anonymous_cvs_deleted_total [1-9]/m);
  });

  it('a second sweep finds nothing more to delete', async () => {
    const old = await anonymousUpload();
    await t.container.db.cv.update({ where: { id: old.id }, data: { createdAt: daysAgo(10) } });
    expect(await sweepAnonymousCvs(t.container, daysAgo(3))).toBeGreaterThanOrEqual(1);
    expect(await sweepAnonymousCvs(t.container, daysAgo(3))).toBe(0);
  });
});
