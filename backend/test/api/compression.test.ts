import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import request from 'supertest';
import { compressible } from '../../src/http/middleware/compress';
import { createTestApp, type TestApp } from '../support/test-app';

// Text answers go out compressed (brotli or gzip, as the client accepts); event streams and
// files that are compressed already do not.

let t: TestApp;
let server: http.Server;
let base: string;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(process.env.R2W_TEST_DIR!, 'web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Resume2Website</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), `${'console.log("a long enough script");\n'.repeat(200)}`);
  // A PNG's bytes are compressed already; this one is large enough to be worth compressing if it were text.
  writeFileSync(path.join(dir, 'assets', 'photo-abc123.png'), Buffer.alloc(8192, 7));
  t = createTestApp({ WEB_DIR: dir });
  server = http.createServer(t.app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

/** The raw answer, bytes as sent (fetch and supertest would decompress them). */
async function raw(address: string, acceptEncoding: string | null): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(`${base}${address}`, { headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding } }, resolve).on('error', reject);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) };
}

async function compressedCount(encoding: string): Promise<number> {
  const text = (await request(t.app).get('/metrics').set('Accept-Encoding', 'identity')).text;
  return Number(new RegExp(`^r2w_http_compressed_responses_total\\{encoding="${encoding}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

describe('response compression', () => {
  it('sends JSON with brotli when the client accepts it, and says it varies by Accept-Encoding', async () => {
    const before = await compressedCount('br');
    const plain = await raw('/api/v1/openapi.json', null);
    const res = await raw('/api/v1/openapi.json', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const body = brotliDecompressSync(res.body);
    expect(body.equals(plain.body)).toBe(true);
    expect(res.body.length).toBeLessThan(plain.body.length / 3);
    expect(await compressedCount('br')).toBe(before + 1);
  });

  it('falls back to gzip, and to nothing for a client that accepts no encoding', async () => {
    const gzip = await raw('/assets/index-abc123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toContain('a long enough script');
    for (const acceptEncoding of [null, 'identity', 'compress, x-unknown']) {
      const plain = await raw('/assets/index-abc123.js', acceptEncoding);
      expect([acceptEncoding, plain.headers['content-encoding']]).toEqual([acceptEncoding, undefined]);
      expect(plain.body.toString()).toContain('a long enough script');
    }
  });

  it('leaves small answers, HEAD requests and files that are compressed already as they are', async () => {
    const small = await raw('/health/live', 'br, gzip');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const png = await raw('/assets/photo-abc123.png', 'br, gzip');
    expect([png.status, png.headers['content-type'], png.headers['content-encoding'], png.body.length]).toEqual([200, 'image/png', undefined, 8192]);
    const head = await request(t.app).head('/api/v1/openapi.json').set('Accept-Encoding', 'br');
    expect(head.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses an event stream, even one not marked no-transform', () => {
    const req = { headers: { 'accept-encoding': 'br, gzip' } } as unknown as Request;
    const response = (type: string) => ({ getHeader: (name: string) => (name.toLowerCase() === 'content-type' ? type : undefined) }) as unknown as Response;
    expect(compressible(req, response('text/event-stream; charset=utf-8'))).toBe(false);
    expect(compressible(req, response('Text/Event-Stream'))).toBe(false);
    expect(compressible(req, response('application/json; charset=utf-8'))).toBe(true);
    expect(compressible(req, response('image/png'))).toBe(false);
  });
});
