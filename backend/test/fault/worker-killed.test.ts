import { startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic';
import { waitFor } from '../support/ports';
import { testEnv } from '../support/test-app';
import { startWatchedApi, startWatchedWorker, type WatchedApi, type WatchedProcess } from '../support/watched-process';
import { CV_TOOL_INPUT, getCv, localQueueCounts, uploadCv, waitForCvStatus } from './fault-steps';

// An extraction worker killed mid-job (OOM, a lost host): the job comes back after its
// visibility timeout, another worker finishes it, and the CV is written once. The API and
// the workers are separate processes sharing the SQLite job queue under DATA_DIR. The
// fake Claude holds the first worker's call open, so the kill lands mid-extraction.
let fake: FakeAnthropic;
let api: WatchedApi;
const workers: WatchedProcess[] = [];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  env = testEnv({
    LOG_LEVEL: 'info',
    WORKER_IN_PROCESS: 'false',
    // Redelivery of an unfinished job comes this soon: a configuration, not a race.
    QUEUE_VISIBILITY_TIMEOUT_SECONDS: '2',
    // One job at a time, so the held-up first worker cannot take its own redelivery.
    WORKER_CONCURRENCY: '1',
    ANTHROPIC_API_KEY: 'sk-ant-fault-suite-key',
    ANTHROPIC_BASE_URL: fake.baseURL,
    ANTHROPIC_MAX_RETRIES: '0',
    ANTHROPIC_TIMEOUT_SECONDS: '600',
  });
  api = await startWatchedApi(env);
}, 90_000);

afterAll(async () => {
  await Promise.all([api?.kill(), ...workers.map((w) => w.kill())]);
  await fake?.close();
});

it('a worker SIGKILLed while extracting: the job is redelivered to a new worker and the CV ends ready once', async () => {
  fake.script({ kind: 'hang' });
  const first = await startWatchedWorker(env);
  workers.push(first);
  const cv = await uploadCv(api.url);

  await waitForCvStatus(api.url, cv, ['extracting']);
  await waitFor(async () => fake.requests.length === 1, { what: 'the first worker to call Claude' });
  first.child.kill('SIGKILL');
  expect(await first.exited(25_000)).toEqual({ code: null, signal: 'SIGKILL' });

  fake.script({ kind: 'tool', input: CV_TOOL_INPUT });
  const second = await startWatchedWorker(env);
  workers.push(second);
  const ready = await waitForCvStatus(api.url, cv, ['ready', 'failed']);
  // Acknowledged after the row is written: once the queue is empty nothing can run it again.
  await waitFor(async () => localQueueCounts(env).queued === 0, { what: 'the job to be acknowledged' });

  expect(ready).toMatchObject({ status: 'ready', extractor: 'claude' });
  expect(ready.data?.hero?.fullName).toBe('Jane Doe');
  expect(localQueueCounts(env)).toEqual({ queued: 0, dead: 0 });
  expect(fake.requests).toHaveLength(2);
  expect(first.logs('extraction started')).toHaveLength(1);
  expect(first.logs('extraction finished')).toHaveLength(0);
  const finished = second.logs('extraction finished');
  expect(finished).toHaveLength(1);
  expect(finished[0]).toMatchObject({ cvId: cv.id, extractor: 'claude' });
  expect(second.logs('extraction started')).toEqual([expect.objectContaining({ cvId: cv.id, attempt: 2 })]);
  expect((await getCv(api.url, cv)).status).toBe('ready');

  second.child.kill('SIGTERM');
  expect(await second.exited(25_000)).toEqual({ code: 0, signal: null });
}, 120_000);
