import { startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic';
import { testEnv } from '../support/test-app';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';
import { metricLines, uploadCv, waitForCvStatus } from './fault-steps';

// Claude answering 500 and 529 or not answering at all: each CV still ends ready, from
// the offline extractor; after three failures the breaker opens and Claude is not called
// again, and the API says so. One API process with its in-process worker, one job at a
// time so the calls reach the fake in upload order.
let fake: FakeAnthropic;
let api: WatchedApi;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  api = await startWatchedApi(
    testEnv({
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '1',
      ANTHROPIC_API_KEY: 'sk-ant-fault-suite-key',
      ANTHROPIC_BASE_URL: fake.baseURL,
      ANTHROPIC_MAX_RETRIES: '0',
      // The least allowed: the hanging call below is given up after this long.
      ANTHROPIC_TIMEOUT_SECONDS: '5',
      CLAUDE_BREAKER_RESET_SECONDS: '3600',
    }),
  );
}, 90_000);

afterAll(async () => {
  await api?.kill();
  await fake?.close();
});

it.each([
  ['a 500 answer', { kind: 'error' as const, status: 500, type: 'api_error' }],
  ['a 529 overloaded answer', { kind: 'error' as const, status: 529, type: 'overloaded_error' }],
  ['no answer (timeout)', { kind: 'hang' as const }],
])(
  'after %s the CV ends ready from the offline extractor',
  async (_case, reply) => {
    const calls = fake.requests.length;
    fake.script(reply);
    const cv = await waitForCvStatus(api.url, await uploadCv(api.url), ['ready', 'failed']);
    expect(cv).toMatchObject({ status: 'ready', extractor: 'offline' });
    expect(cv.data?.hero?.fullName).toBe('Jane Doe');
    expect(fake.requests.length).toBe(calls + 1);
  },
  60_000,
);

it('the breaker is open after those three failures: Claude is not called, the CV is extracted offline, and the API says so', async () => {
  expect(api.logs('Claude circuit opened: extracting offline until it recovers')).toHaveLength(1);
  expect(await metricLines(api.url, 'r2w_claude_circuit_open')).toEqual(['r2w_claude_circuit_open 1']);
  const calls = fake.requests.length;
  const cv = await waitForCvStatus(api.url, await uploadCv(api.url), ['ready', 'failed']);
  expect(cv).toMatchObject({ status: 'ready', extractor: 'offline' });
  expect(fake.requests.length).toBe(calls);
  expect(await metricLines(api.url, 'r2w_claude_calls_total{outcome="circuit_open"}')).toEqual(['r2w_claude_calls_total{outcome="circuit_open"} 1']);
}, 60_000);
