import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { postgresUrlFor } from '../support/databases';
import { startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic';
import { waitFor } from '../support/ports';
import { REDIS_URL } from '../support/services';
import { testEnv } from '../support/test-app';
import { startWatchedApi, startWatchedWorker, type WatchedApi, type WatchedProcess } from '../support/watched-process';
import { CV_TEXT, CV_TOOL_INPUT, localQueueCounts, uploadCv, waitForCvStatus, type UploadedCv } from './fault-steps';

// SIGTERM, as ECS stops a task (and kills it 30 s later): the process drains what it is
// doing and exits by itself with code 0. The 25 s guard on the exit is that requirement,
// not a speed test.
const EXIT_GUARD_MS = 25_000;

/**
 * An SSE connection to a CV's progress stream. `ended` resolves when the server ends the
 * response properly and rejects when the connection is cut instead (a process that dies
 * with the stream still open).
 */
function openEventStream(url: string, cv: UploadedCv): Promise<{ events: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/v1/cvs/${cv.id}/events?claimToken=${encodeURIComponent(cv.claimToken)}`, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
      let text = '';
      const ended = new Promise<void>((done, cut) => {
        res.once('end', () => done());
        res.once('close', () => (res.complete ? done() : cut(new Error('the event stream was cut, not ended by the server'))));
      });
      // Awaited only after the SIGTERM; until then a cut must not count as unhandled.
      ended.catch(() => undefined);
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('event: progress')) resolve({ events: () => text, ended });
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
  });
}

/** A multipart upload whose body is sent in two parts: the caller decides when the rest goes. */
function startSlowUpload(url: string) {
  const boundary = `fault-${randomUUID()}`;
  // More than the 8 KB the API reads before it starts writing the file to storage.
  const text = `${CV_TEXT}${'• Built the billing system and kept it running\n'.repeat(400)}`;
  const bytes = Buffer.from(text);
  const half = 12 * 1024;
  const req = http.request(`${url}/api/v1/cvs`, { method: 'POST', agent: false, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  req.write(bytes.subarray(0, half));
  return {
    response,
    finish() {
      req.end(Buffer.concat([bytes.subarray(half), Buffer.from(`\r\n--${boundary}--\r\n`)]));
    },
  };
}

function connectionRefused(url: string): Promise<boolean> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('SIGTERM to an API process on PostgreSQL and Redis', () => {
  let api: WatchedApi;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = testEnv({
      LOG_LEVEL: 'info',
      DATABASE_URL: postgresUrlFor(process.env.R2W_TEST_POSTGRES_DB!),
      REDIS_URL,
      // No worker here, so the CV stays queued and its event stream stays open.
      WORKER_IN_PROCESS: 'false',
    });
    api = await startWatchedApi(env);
  }, 90_000);

  afterAll(() => api?.kill());

  it('finishes the in-flight upload, ends the event stream, refuses new connections and exits 0', async () => {
    const stream = await openEventStream(api.url, await uploadCv(api.url));
    const upload = startSlowUpload(api.url);
    const tmp = path.join(env.DATA_DIR!, 'storage', 'tmp');
    await waitFor(async () => readdirSync(tmp).length > 0, { what: 'the upload to be streaming into storage' });

    api.child.kill('SIGTERM');
    await api.waitForLog(/^shutting down/);
    expect(await connectionRefused(api.url)).toBe(true);

    upload.finish();
    const done = await upload.response;
    expect(done.status).toBe(202);
    expect(JSON.parse(done.body)).toMatchObject({ cv: { status: 'queued' } });
    await stream.ended;
    expect(await api.exited(EXIT_GUARD_MS)).toEqual({ code: 0, signal: null });
  }, 90_000);
});

describe('SIGTERM to a worker process while it extracts', () => {
  let fake: FakeAnthropic;
  let api: WatchedApi;
  let env: NodeJS.ProcessEnv;
  const workers: WatchedProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeAnthropic();
    env = testEnv({
      LOG_LEVEL: 'info',
      WORKER_IN_PROCESS: 'false',
      WORKER_CONCURRENCY: '1',
      ANTHROPIC_API_KEY: 'sk-ant-fault-suite-key',
      ANTHROPIC_BASE_URL: fake.baseURL,
      ANTHROPIC_MAX_RETRIES: '0',
      // The held call below is given up after this long, well inside the exit guard.
      ANTHROPIC_TIMEOUT_SECONDS: '5',
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '2',
    });
    api = await startWatchedApi(env);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([api?.kill(), ...workers.map((w) => w.kill())]);
    await fake?.close();
  });

  it('finishes the job or hands it back, then exits 0; the CV ends ready once', async () => {
    fake.script({ kind: 'hang' }, { kind: 'tool', input: CV_TOOL_INPUT });
    const first = await startWatchedWorker(env);
    workers.push(first);
    const cv = await uploadCv(api.url);
    await waitForCvStatus(api.url, cv, ['extracting']);
    await waitFor(async () => fake.requests.length === 1, { what: 'the worker to call Claude' });

    first.child.kill('SIGTERM');
    expect(await first.exited(EXIT_GUARD_MS)).toEqual({ code: 0, signal: null });

    // Whichever it did, a new worker leaves the CV ready and no job runs twice.
    const second = await startWatchedWorker(env);
    workers.push(second);
    const ready = await waitForCvStatus(api.url, cv, ['ready', 'failed']);
    expect(ready.status).toBe('ready');
    await waitFor(async () => localQueueCounts(env).queued === 0, { what: 'the job to be acknowledged' });
    expect(localQueueCounts(env)).toEqual({ queued: 0, dead: 0 });
    expect(first.logs('extraction finished').length + second.logs('extraction finished').length).toBe(1);
  }, 120_000);
});
