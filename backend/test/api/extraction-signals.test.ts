import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { startExtractionWorker } from '../../src/worker/start-extraction-worker';
import { createTestApp, type TestApp } from '../support/test-app';

// The event stream learns of each change from the worker's signal, not from its poll:
// here the stream reads the database by itself once an hour, so within the test's time
// only the signals can carry the CV from queued to ready.
const HOUR_MS = 3_600_000;
const TEXT_CV = Buffer.from('Jane Doe\nSoftware Engineer\njane@example.com\n\nEXPERIENCE\nAcme Corp — Engineer, 2019 – Present\n• Built things\n');

let t: TestApp;
let server: Server;
beforeAll(async () => {
  t = createTestApp({}, (config) => {
    config.uploads.events.pollMs = HOUR_MS;
  });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

type Progress = { status: string; progress: number; message: string };

/** Reads a CV's event stream as EventSource does, calling `onEvent` for each progress event, until the stream ends. */
async function followEvents(id: string, claimToken: string, onEvent: (event: Progress) => void): Promise<Progress[]> {
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/cvs/${id}/events?claimToken=${encodeURIComponent(claimToken)}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(res.status).toBe(200);
  // Uncompressed, so each event reaches the browser as it is written (the API compresses other text).
  expect(res.headers.get('content-encoding')).toBeNull();
  const events: Progress[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body!) {
    buffered += decoder.decode(chunk, { stream: true });
    const blocks = buffered.split('\n\n');
    buffered = blocks.pop()!;
    for (const block of blocks.filter((b) => b.startsWith('event: progress'))) {
      const event = JSON.parse(block.split('data: ')[1]!) as Progress;
      events.push(event);
      onEvent(event);
    }
  }
  return events;
}

it("sends every change of a CV as the worker makes it, and ends at ready, without the stream's poll", async () => {
  const uploaded = await request(t.app).post('/api/v1/cvs').attach('file', TEXT_CV, 'cv.txt');
  expect(uploaded.status).toBe(202);
  let worker: { stop(): Promise<void> } | undefined;
  try {
    // The worker starts once the stream has said "queued", so the stream sees every step.
    const events = await followEvents(uploaded.body.cv.id, uploaded.body.claimToken, (event) => {
      if (event.status === 'queued') worker ??= startExtractionWorker(t.container);
    });
    expect(events[0]).toMatchObject({ status: 'queued', progress: 0 });
    expect(events.some((event) => event.status === 'extracting')).toBe(true);
    expect(events.at(-1)).toEqual({ status: 'ready', progress: 100, message: 'Your CV is ready' });
  } finally {
    await worker?.stop();
  }
  // Only a hang should end it: starting the parser processes can take long on a busy machine.
}, 120_000);
