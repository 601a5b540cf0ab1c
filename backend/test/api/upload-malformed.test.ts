import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { waitFor } from '../support/ports';
import { createTestApp, type TestApp } from '../support/test-app';

// Multipart bodies a careless or hostile client sends. Each once ended the process with
// an unheard 'error' event; now each is a 400 and nothing is kept.
let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const CRLF = '\r\n';
const part = (headers: string[], body: string) => `${headers.join(CRLF)}${CRLF}${CRLF}${body}`;
const fileHeader = (name = 'a.txt') => `Content-Disposition: form-data; name="file"; filename="${name}"`;

function send(body: string | Buffer, boundary = 'x') {
  return request(t.app).post('/api/v1/cvs').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(Buffer.from(body));
}

async function storedUploads(): Promise<number> {
  return (await t.container.storage.list('uploads/')).length;
}

describe('malformed multipart uploads', () => {
  const longText = 'Jane Doe\nEngineer\n'.repeat(2000);
  it.each([
    ['a short file whose body ends before the closing boundary', `--x${CRLF}${part([fileHeader()], 'abc')}`],
    ['a long file whose body ends before the closing boundary', `--x${CRLF}${part([fileHeader()], longText)}`],
    ['garbage where the closing boundary should be', `--x${CRLF}${part([fileHeader()], 'abc')}${CRLF}--garbage`],
    ['a truncated field before the file', `--x${CRLF}${part(['Content-Disposition: form-data; name="note"'], 'unfinished')}`],
    ['a truncated extra file after the CV', `--x${CRLF}${part([fileHeader()], longText)}${CRLF}--x${CRLF}${part([fileHeader('b.txt').replace('"file"', '"other"')], 'abc')}`],
    ['a part without headers', `--x${CRLF}${CRLF}abc`],
    ['a malformed part header', `--x${CRLF}Content-Disposition form-data name=file${CRLF}${CRLF}abc${CRLF}--x--`],
    ['only the opening boundary', `--x${CRLF}`],
    ['no boundary at all in the body', 'just some bytes'],
  ])('answers 400 for %s, keeps nothing, and stays up', async (_label, body) => {
    const before = await storedUploads();
    const rows = await t.container.db.cv.count();
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(await storedUploads()).toBe(before);
    expect(await t.container.db.cv.count()).toBe(rows);
    expect((await request(t.app).get('/health/live')).status).toBe(200);
  });

  it('answers 400 when the boundary parameter is missing', async () => {
    const res = await request(t.app).post('/api/v1/cvs').set('Content-Type', 'multipart/form-data').send(Buffer.from('abc'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('still accepts a well-formed upload afterwards', async () => {
    const res = await send(`--x${CRLF}${part([fileHeader()], 'Jane Doe\nEngineer\njane@example.com\n')}${CRLF}--x--${CRLF}`);
    expect(res.status).toBe(202);
  });
});

describe('a malformed part after a stored file', () => {
  it('answers 400 and deletes the file it had already stored', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const before = await storedUploads();
      const req = http.request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: '/api/v1/cvs',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
      });
      // The whole file part, closing boundary included, so storage finishes the file...
      req.write(`--x${CRLF}${part([fileHeader()], 'Jane Doe\nEngineer\njane@example.com\n')}${CRLF}--x${CRLF}`);
      await waitFor(async () => (await storedUploads()) === before + 1, { what: 'the file to be stored' });
      // ...then a part whose headers never end.
      req.end('Content-Disposition: form-data; name="note"');
      const res = await answered;
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
      await waitFor(async () => (await storedUploads()) === before, { what: 'the abandoned file to be deleted' });
    } finally {
      server.close();
    }
  });
});

describe('file names', () => {
  it('reads a non-ASCII file name as UTF-8', async () => {
    const res = await request(t.app).post('/api/v1/cvs').attach('file', Buffer.from('Jana Müller\nIngenieurin\n'), 'Lebenslauf_Müller_履歴書.txt');
    expect(res.status).toBe(202);
    expect(res.body.cv.fileName).toBe('Lebenslauf_Müller_履歴書.txt');
  });
});
