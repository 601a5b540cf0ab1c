import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { cvFacts, fromJsonResume, toJsonResume } from '@r2w/cv-schema';
import { signalTopics } from '../../src/adapters/signals/signals';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, registerAccount, type Account } from '../support/accounts';

const SAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../../cv-schema/fixtures/jsonresume-sample.resume.json'), 'utf8'));
const EVERY_FIELD = JSON.parse(readFileSync(path.resolve(__dirname, '../../../cv-schema/fixtures/every-field.resume.json'), 'utf8'));
const TEXT_CV = Buffer.from('Jane Doe\nSoftware Engineer\njane@example.com\n\nEXPERIENCE\nAcme Corp — Engineer, 2019 – Present\n• Built things\n');

let t: TestApp;
let owner: Account;
beforeAll(async () => {
  t = createTestApp();
  owner = await registerAccount(t.app);
});
afterAll(() => t.close());

async function storedUploads(): Promise<string[]> {
  return (await t.container.storage.list('uploads/')).map((o) => o.key);
}

function upload(file: Buffer, name = 'cv.txt', token?: string) {
  const req = request(t.app).post('/api/v1/cvs');
  if (token) req.set(...bearer(token));
  return req.attach('file', file, name);
}

async function importSample(account = owner) {
  const res = await request(t.app)
    .post('/api/v1/cvs/import')
    .set(...bearer(account.accessToken))
    .send(SAMPLE);
  expect(res.status).toBe(201);
  return res.body.cv as { id: string };
}

describe('upload', () => {
  it('accepts an anonymous upload with 202, stores the file, queues a job and returns a claim token', async () => {
    const res = await upload(TEXT_CV, 'my cv.txt');
    expect(res.status).toBe(202);
    expect(res.body.cv).toMatchObject({ status: 'queued', progress: 0, fileName: 'my cv.txt', fileKind: 'txt', fileSize: TEXT_CV.length, claimed: false, personName: null });
    expect(res.body.claimToken).toMatch(/^[\w-]{32}$/);
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: res.body.cv.id } });
    expect(row.fileKey).toBe(`uploads/anon/${row.id}/original.txt`);
    const { body } = await t.container.storage.get(row.fileKey!);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(TEXT_CV)).toBe(true);
    const jobs = await t.container.queue.receive({ maxMessages: 10, waitSeconds: 0 });
    expect(jobs.map((j) => j.body.cvId)).toContain(row.id);
    for (const job of jobs) await t.container.queue.ack(job);
  });

  it('recognises PDF and DOCX by their content, whatever their name', async () => {
    const pdf = await upload(Buffer.from('%PDF-1.7\n% test\n'), 'resume.doc', owner.accessToken);
    expect(pdf.status).toBe(202);
    expect(pdf.body.cv.fileKind).toBe('pdf');
    expect(pdf.body.claimToken).toBeUndefined();
    const docx = await upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]), 'resume.pdf', owner.accessToken);
    expect(docx.body.cv.fileKind).toBe('docx');
  });

  it.each([
    ['a renamed .exe', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2000, 0)]), 'cv.pdf'],
    ['a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]), 'cv.png'],
    ['an old .doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500, 0)]), 'cv.doc'],
  ])('refuses %s with 415 and keeps nothing', async (_label, file, name) => {
    const before = await storedUploads();
    const rows = await t.container.db.cv.count();
    const res = await upload(file, name);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await storedUploads()).toEqual(before);
    expect(await t.container.db.cv.count()).toBe(rows);
  });

  it('refuses a 0-byte file with 400 FILE_EMPTY', async () => {
    const res = await upload(Buffer.alloc(0));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FILE_EMPTY');
  });

  it('refuses a request without the file field, or not multipart', async () => {
    const noFile = await request(t.app).post('/api/v1/cvs').field('other', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toMatch(/"file" field/);
    const json = await request(t.app).post('/api/v1/cvs').send({ file: 'x' });
    expect(json.status).toBe(415);
  });

  it('refuses a declared 50 MB upload with 413 before reading it', async () => {
    const res = await request(t.app)
      .post('/api/v1/cvs')
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(50 * 1024 * 1024))
      .send('--x');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an 11 MB file with 413 while streaming, and keeps nothing', async () => {
    const before = await storedUploads();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await upload(big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/10 MB/);
    expect(await storedUploads()).toEqual(before);
  });
});

describe('access and claiming', () => {
  it('lets the claim token read an anonymous CV, and nobody else', async () => {
    const { body } = await upload(TEXT_CV);
    const other = await registerAccount(t.app);
    expect((await request(t.app).get(`/api/v1/cvs/${body.cv.id}`)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/cvs/${body.cv.id}`).set('X-Claim-Token', 'wrong-token')).status).toBe(404);
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${body.cv.id}`)
          .set(...bearer(other.accessToken))
      ).status,
    ).toBe(404);
    const mine = await request(t.app).get(`/api/v1/cvs/${body.cv.id}?claimToken=${body.claimToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body.cv).toMatchObject({ id: body.cv.id, status: 'queued' });
  });

  it('claims an anonymous CV for the signed-in user, once', async () => {
    const { body } = await upload(TEXT_CV);
    const me = await registerAccount(t.app);
    const other = await registerAccount(t.app);
    const wrong = await request(t.app)
      .post(`/api/v1/cvs/${body.cv.id}/claim`)
      .set(...bearer(me.accessToken))
      .send({ claimToken: 'nope' });
    expect(wrong.status).toBe(404);
    const claimed = await request(t.app)
      .post(`/api/v1/cvs/${body.cv.id}/claim`)
      .set(...bearer(me.accessToken))
      .send({ claimToken: body.claimToken });
    expect(claimed.status).toBe(200);
    expect(claimed.body.cv.claimed).toBe(true);
    // The token has done its job: it no longer opens the CV, nor lets another account take it.
    expect((await request(t.app).get(`/api/v1/cvs/${body.cv.id}`).set('X-Claim-Token', body.claimToken)).status).toBe(404);
    expect(
      (
        await request(t.app)
          .post(`/api/v1/cvs/${body.cv.id}/claim`)
          .set(...bearer(other.accessToken))
          .send({ claimToken: body.claimToken })
      ).status,
    ).toBe(404);
    const list = await request(t.app)
      .get('/api/v1/cvs')
      .set(...bearer(me.accessToken));
    expect(list.body.cvs.map((c: { id: string }) => c.id)).toEqual([body.cv.id]);
    expect(list.body.cvs[0].data).toBeUndefined();
    expect(
      (
        await request(t.app)
          .get('/api/v1/cvs')
          .set(...bearer(other.accessToken))
      ).body.cvs,
    ).toEqual([]);
  });

  it('needs an account to claim, import or list', async () => {
    expect((await request(t.app).post(`/api/v1/cvs/${crypto.randomUUID()}/claim`).send({ claimToken: 'x' })).status).toBe(401);
    expect((await request(t.app).post('/api/v1/cvs/import').send(SAMPLE)).status).toBe(401);
    expect((await request(t.app).get('/api/v1/cvs')).status).toBe(401);
  });

  it('answers 400 for an id that is not one', async () => {
    const res = await request(t.app)
      .get('/api/v1/cvs/not-an-id')
      .set(...bearer(owner.accessToken));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('id');
  });
});

describe('JSON Resume import, edit and export', () => {
  it('imports the sample ready to edit, and exports the same facts', async () => {
    const cv = await importSample();
    const got = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}`)
      .set(...bearer(owner.accessToken));
    expect(got.body.cv).toMatchObject({ status: 'ready', progress: 100, extractor: 'import', fileKind: null, personName: 'Richard Hendriks' });
    expect(got.body.cv.data.hero.fullName).toBe('Richard Hendriks');
    // Lists carry no data, so they name the CV by its person.
    const listed = await request(t.app)
      .get('/api/v1/cvs')
      .set(...bearer(owner.accessToken));
    expect(listed.body.cvs.find((item: { id: string }) => item.id === cv.id)).toMatchObject({ personName: 'Richard Hendriks', fileName: null });
    expect(listed.body.cvs.find((item: { id: string }) => item.id === cv.id)).not.toHaveProperty('data');

    const exported = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}/export?format=json-resume`)
      .set(...bearer(owner.accessToken));
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename=cv.resume.json');
    expect(exported.body).toEqual(toJsonResume(fromJsonResume(SAMPLE)));
    const asCv = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}/export`)
      .set(...bearer(owner.accessToken));
    expect(cvFacts(asCv.body)).toEqual(cvFacts(fromJsonResume(SAMPLE)));
  });

  it('gives back a document that uses every JSON Resume field, field for field', async () => {
    const imported = await request(t.app)
      .post('/api/v1/cvs/import')
      .set(...bearer(owner.accessToken))
      .send(EVERY_FIELD);
    expect(imported.status).toBe(201);
    const exported = await request(t.app)
      .get(`/api/v1/cvs/${imported.body.cv.id}/export?format=json-resume`)
      .set(...bearer(owner.accessToken));
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(EVERY_FIELD);
  });

  it('refuses a malformed JSON Resume with 400 and the failing paths', async () => {
    const res = await request(t.app)
      .post('/api/v1/cvs/import')
      .set(...bearer(owner.accessToken))
      .send({ basics: { name: 'X' }, work: 'not a list' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('work');
  });

  it('saves an edited CV, and a bad edit changes nothing', async () => {
    const cv = await importSample();
    const current = (
      await request(t.app)
        .get(`/api/v1/cvs/${cv.id}`)
        .set(...bearer(owner.accessToken))
    ).body.cv.data;
    const edited = { ...current, hero: { ...current.hero, professionalTitle: 'Chief Compression Officer' } };
    const saved = await request(t.app)
      .put(`/api/v1/cvs/${cv.id}/data`)
      .set(...bearer(owner.accessToken))
      .send(edited);
    expect(saved.status).toBe(200);
    expect(saved.body.cv.data.hero.professionalTitle).toBe('Chief Compression Officer');

    const bad = await request(t.app)
      .put(`/api/v1/cvs/${cv.id}/data`)
      .set(...bearer(owner.accessToken))
      .send({ ...edited, hero: { ...edited.hero, fullName: 42 }, experience: { ...edited.experience, items: [{ jobTitle: 'no id' }] }, bogus: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['hero.fullName', 'experience.items.0.id']));
    const after = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}`)
      .set(...bearer(owner.accessToken));
    expect(after.body.cv.data.hero).toEqual(saved.body.cv.data.hero);
  });

  it('refuses an e-mail, phone number or web address that is not one with 400, naming the field', async () => {
    const cv = await importSample();
    const current = (
      await request(t.app)
        .get(`/api/v1/cvs/${cv.id}`)
        .set(...bearer(owner.accessToken))
    ).body.cv.data;
    const send = (contact: object) =>
      request(t.app)
        .put(`/api/v1/cvs/${cv.id}/data`)
        .set(...bearer(owner.accessToken))
        .send({ ...current, contact: { ...current.contact, ...contact } });

    const email = await send({ email: 'richard@postbox' });
    expect(email.status).toBe(400);
    expect(email.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'contact.email: Enter an e-mail address, such as name@example.com.',
      details: [{ path: 'contact.email', message: 'Enter an e-mail address, such as name@example.com' }],
    });
    const all = await send({ email: 'richard@postbox', phone: 'call me', professionalLinks: [{ platform: 'Site', url: 'not a web address' }] });
    expect(all.body.error.message).toBe('contact.email: Enter an e-mail address, such as name@example.com (and 2 more).');
    expect(all.body.error.details.map((d: { path: string }) => d.path)).toEqual(['contact.email', 'contact.phone', 'contact.professionalLinks.0.url']);
    const after = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}`)
      .set(...bearer(owner.accessToken));
    expect(after.body.cv.data.contact).toEqual(current.contact);
  });

  it('exports a CV saved before its e-mail was checked, with the refused value among the text to place', async () => {
    const cv = await importSample();
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: cv.id } });
    const data = row.data as { contact: object };
    await t.container.db.cv.update({ where: { id: cv.id }, data: { data: { ...data, contact: { ...data.contact, email: 'richard@postbox' } } } });
    const asCv = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}/export`)
      .set(...bearer(owner.accessToken));
    expect(asCv.status).toBe(200);
    expect(asCv.body.contact.email).toBeNull();
    expect(asCv.body.extraction.unclassifiedText).toEqual(['richard@postbox']);
    const asJsonResume = await request(t.app)
      .get(`/api/v1/cvs/${cv.id}/export?format=json-resume`)
      .set(...bearer(owner.accessToken));
    expect(asJsonResume.status).toBe(200);
    expect(asJsonResume.body.basics).not.toHaveProperty('email');
  });

  it('keeps the stored extraction report whatever the edit sends', async () => {
    const cv = await importSample();
    const report = { unclassifiedText: ['Hobbies: chess'], sections: { hero: { confidence: 0.9, source: 'heuristic' } }, rejectedValues: 2 };
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: cv.id } });
    await t.container.db.cv.update({ where: { id: cv.id }, data: { data: { ...(row.data as object), extraction: report } } });
    const current = (
      await request(t.app)
        .get(`/api/v1/cvs/${cv.id}`)
        .set(...bearer(owner.accessToken))
    ).body.cv.data;
    const forged = { ...current, extraction: { unclassifiedText: [], sections: {}, rejectedValues: 0 } };
    const saved = await request(t.app)
      .put(`/api/v1/cvs/${cv.id}/data`)
      .set(...bearer(owner.accessToken))
      .send(forged);
    expect(saved.status).toBe(200);
    expect(saved.body.cv.data.extraction).toEqual(report);
  });

  it('refuses an edit while the CV is still extracting', async () => {
    const { body } = await upload(TEXT_CV, 'cv.txt', owner.accessToken);
    const res = await request(t.app)
      .put(`/api/v1/cvs/${body.cv.id}/data`)
      .set(...bearer(owner.accessToken))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CV_NOT_READY');
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${body.cv.id}/export`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(409);
  });
});

describe('original file and deletion', () => {
  it('downloads the original upload as an attachment', async () => {
    const { body } = await upload(TEXT_CV, 'Jane Doe CV.txt', owner.accessToken);
    const res = await request(t.app)
      .get(`/api/v1/cvs/${body.cv.id}/file`)
      .set(...bearer(owner.accessToken))
      .buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Jane Doe CV.txt"');
    expect(Buffer.from(res.text).equals(TEXT_CV)).toBe(true);
    const imported = await importSample();
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${imported.id}/file`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(404);
  });

  it('deletes a CV and its file', async () => {
    const { body } = await upload(TEXT_CV, 'cv.txt', owner.accessToken);
    const row = await t.container.db.cv.findUniqueOrThrow({ where: { id: body.cv.id } });
    const other = await registerAccount(t.app);
    expect(
      (
        await request(t.app)
          .delete(`/api/v1/cvs/${body.cv.id}`)
          .set(...bearer(other.accessToken))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(t.app)
          .delete(`/api/v1/cvs/${body.cv.id}`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(204);
    expect(await t.container.storage.head(row.fileKey!)).toBeNull();
    expect(
      (
        await request(t.app)
          .get(`/api/v1/cvs/${body.cv.id}`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(404);
  });

  it('deleting the account deletes its CVs and their files, claimed ones included', async () => {
    const me = await registerAccount(t.app);
    const mine = await upload(TEXT_CV, 'cv.txt', me.accessToken);
    const anon = await upload(TEXT_CV);
    await request(t.app)
      .post(`/api/v1/cvs/${anon.body.cv.id}/claim`)
      .set(...bearer(me.accessToken))
      .send({ claimToken: anon.body.claimToken });
    const keys = (await t.container.db.cv.findMany({ where: { userId: me.userId } })).map((r) => r.fileKey!);
    expect(keys).toHaveLength(2);
    expect(
      (
        await request(t.app)
          .delete('/api/v1/auth/me')
          .set(...bearer(me.accessToken))
      ).status,
    ).toBe(204);
    expect(await t.container.db.cv.count({ where: { id: { in: [mine.body.cv.id, anon.body.cv.id] } } })).toBe(0);
    for (const key of keys) expect(await t.container.storage.head(key)).toBeNull();
  });
});

describe('progress events', () => {
  // Over a real connection, as a browser's EventSource reads it: next() gives the next
  // progress event as it arrives, and undefined once the server has ended the stream.
  async function openEvents(id: string, query: string) {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const close = () => {
      server.closeAllConnections();
      server.close();
    };
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/cvs/${id}/events?${query}`);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    async function next(): Promise<unknown> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (block.startsWith('event: progress')) return JSON.parse(block.split('data: ')[1]!);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return undefined;
        buffered += value;
      }
    }
    return { status: res.status, contentType: res.headers.get('content-type'), next, close };
  }

  /** The whole stream, for one that ends by itself. */
  async function readEvents(id: string, query: string): Promise<{ status: number; body: string }> {
    const stream = await openEvents(id, query);
    try {
      const events: unknown[] = [];
      for (let event = await stream.next(); event !== undefined; event = await stream.next()) events.push(event);
      return { status: stream.status, body: JSON.stringify(events) };
    } finally {
      stream.close();
    }
  }

  it('streams progress until the CV is ready, then ends', async () => {
    const { body } = await upload(TEXT_CV, 'cv.txt', owner.accessToken);
    const id = body.cv.id as string;
    const stream = await openEvents(id, `access_token=${owner.accessToken}`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
      expect(await stream.next()).toEqual({ status: 'queued', progress: 0, message: 'Waiting for a free extractor' });
      // Each change is made once the stream has shown the one before, as a worker's would be.
      const change = async (data: { status: string; progress: number; progressMessage: string }) => {
        await t.container.db.cv.update({ where: { id }, data });
        t.container.signals.publish(signalTopics.cv(id));
      };
      await change({ status: 'extracting', progress: 40, progressMessage: 'Finding the sections of your CV' });
      expect(await stream.next()).toEqual({ status: 'extracting', progress: 40, message: 'Finding the sections of your CV' });
      await change({ status: 'ready', progress: 100, progressMessage: 'Your CV is ready' });
      expect(await stream.next()).toEqual({ status: 'ready', progress: 100, message: 'Your CV is ready' });
      expect(await stream.next()).toBeUndefined();
    } finally {
      stream.close();
    }
  });

  it('ends at once with the error for a failed CV, and refuses strangers', async () => {
    const { body } = await upload(TEXT_CV);
    await t.container.db.cv.update({
      where: { id: body.cv.id },
      data: { status: 'failed', errorCode: 'NOT_A_CV', errorMessage: 'This document does not look like a CV or résumé, so nothing was extracted.' },
    });
    const res = await readEvents(body.cv.id, `claimToken=${body.claimToken}`);
    expect(res.body).toContain('"error":{"code":"NOT_A_CV"');
    expect((await readEvents(body.cv.id, 'claimToken=wrong')).status).toBe(404);
    expect((await readEvents(body.cv.id, 'access_token=forged.token.here')).status).toBe(401);
  });
});
