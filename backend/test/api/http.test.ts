import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { createTestApp, type TestApp } from '../support/test-app';
import { PASSWORD, registerAccount, uniqueEmail } from '../support/accounts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe('bad requests get the API error shape', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await request(t.app).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' } });
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body that is not JSON → 415', async () => {
    const res = await request(t.app).post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('email=a@b.c');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route → 404 ROUTE_NOT_FOUND', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/nothing'],
      ['post', '/api/v2/auth/login'],
      ['delete', '/health/live'],
    ] as const) {
      const res = await request(t.app)[method](path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it.each(['/api/v1/cvs/%c0%ae', '/api/v1/cvs/%E0%A4%A', '/sites/%c0%ae/', '/sites/jane/%c0%ae', '/previews/%c0%ae/index.html'])(
    'bad percent-encoding in %s → 400, not a logged failure',
    async (path) => {
      const res = await request(t.app).get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'The address contains an invalid percent-encoded character.' });
      expect(t.logs.filter((line) => line.level === 'error')).toEqual([]);
    },
  );

  it.each(['gzip', 'deflate', 'br'])('a body that claims Content-Encoding %s but is not → 400', async (encoding) => {
    const res = await request(t.app).post('/api/v1/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('{"email":"a@b.c"}');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('nothing stored is lost by bad input', async () => {
    const account = await registerAccount(t.app);
    await request(t.app).post('/api/v1/auth/register').set('Content-Type', 'application/json').send('{broken');
    await request(t.app).post('/api/v1/auth/register').send({ email: account.email, password: 'short' });
    await request(t.app).post('/api/v1/auth/register').send({ email: account.email, password: 'a different password' });
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(account.userId);
  });
});

describe('every response', () => {
  it('carries helmet headers and a request id, and echoes a safe incoming one', async () => {
    const res = await request(t.app).get('/health/live').set('X-Request-Id', 'lb-trace-123');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'alive' });
    expect(res.headers['x-request-id']).toBe('lb-trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();

    const unsafe = await request(t.app).get('/health/live').set('X-Request-Id', 'bad id <script>');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs structured JSON lines that all carry the request id', async () => {
    const before = t.logs.length;
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: uniqueEmail(), password: 'wrong password' });
    expect(res.status).toBe(401);
    const lines = t.logs.slice(before);
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(['login refused', 'request refused', 'request']));
    for (const line of lines) expect(line.requestId).toBe(res.headers['x-request-id']);
    expect(lines.find((l) => l.message === 'request')).toMatchObject({ method: 'POST', route: '/api/v1/auth/login', status: 401, level: 'http' });
  });
});

describe('health and metrics', () => {
  it('is ready when every dependency answers', async () => {
    const res = await request(t.app).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready');
    expect(Object.keys(res.body.checks).sort()).toEqual(['database', 'queue', 'redis', 'sitePointers', 'storage']);
    expect(res.body.checks.database.status).toBe('ok');
    // Locally the database row is the site pointer: nothing else to ask.
    expect(res.body.checks.sitePointers).toEqual({ status: 'ok', detail: expect.stringMatching(/^database/) });
  });

  it('exports request counts and latency histograms by route pattern', async () => {
    await request(t.app).get('/health/live');
    await request(t.app).post('/api/v1/auth/login').send({ email: uniqueEmail(), password: 'wrong password' });
    await request(t.app).get('/api/v1/does/not/exist/123');
    const res = await request(t.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/r2w_http_requests_total\{method="GET",route="\/health\/live",status="200"\} [1-9]/);
    // The +Inf bucket counts every request, however slow the machine is.
    expect(res.text).toMatch(/r2w_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/v1\/auth\/login",status="401"\} [1-9]/);
    expect(res.text).toMatch(/r2w_http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
    expect(res.text).not.toContain('/does/not/exist');
    expect(res.text).toMatch(/r2w_auth_events_total\{event="login_failed"\} [1-9]/);
    expect(res.text).toContain('r2w_process_resident_memory_bytes');
  });
});

describe('metrics exposure', () => {
  it('guards /metrics with METRICS_TOKEN when one is set', async () => {
    const guarded = createTestApp({ METRICS_TOKEN: 'a-metrics-token-of-some-length' });
    try {
      const without = await request(guarded.app).get('/metrics');
      expect(without.status).toBe(401);
      expect(without.body.error.code).toBe('UNAUTHENTICATED');
      expect((await request(guarded.app).get('/metrics').set('Authorization', 'Bearer wrong-token-of-some-length')).status).toBe(401);
      const ok = await request(guarded.app).get('/metrics').set('Authorization', 'Bearer a-metrics-token-of-some-length');
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('r2w_http_requests_total');
    } finally {
      await guarded.close();
    }
  });

  it('leaves /metrics off the API port when it has a port of its own', async () => {
    const separate = createTestApp({ METRICS_PORT: '9999' });
    try {
      expect((await request(separate.app).get('/metrics')).status).toBe(404);
    } finally {
      await separate.close();
    }
  });
});

describe('while the process stops', () => {
  it('answers readiness 503 and ends event streams, so clients go to another replica', async () => {
    const account = await registerAccount(t.app);
    const upload = await request(t.app).post('/api/v1/cvs').set('Authorization', `Bearer ${account.accessToken}`).attach('file', Buffer.from('Jane Doe\nEngineer\n'), 'cv.txt');
    const stopping = new AbortController();
    const server = buildApp(t.container, { stopping: stopping.signal }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      // No worker runs here, so the CV stays queued and its stream stays open until the stop.
      const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.get({ port, host: '127.0.0.1', path: `/api/v1/cvs/${upload.body.cv.id}/events`, headers: { authorization: `Bearer ${account.accessToken}` } }, resolve).on('error', reject);
      });
      expect(stream.statusCode).toBe(200);
      let body = '';
      stream.on('data', (chunk: Buffer) => {
        body += chunk.toString();
        if (body.includes('event: progress')) stopping.abort();
      });
      await once(stream, 'end');
      expect(body).toContain('"status":"queued"');
      const ready = await request(server).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'stopping', error: { code: 'DEPENDENCY_UNAVAILABLE' } });
    } finally {
      server.close();
    }
  });
});
