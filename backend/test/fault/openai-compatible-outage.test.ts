import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { testEnv } from '../support/test-app';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';
import { CV_TOOL_INPUT, metricLines, uploadCv, waitForCvStatus } from './fault-steps';

// A local model server (Ollama, llama.cpp, vLLM) chosen by environment alone, reading a CV,
// then answering 500 or nothing: each CV still ends ready, from the offline extractor; after
// those failures the breaker opens and the server is not called again. One API process with
// its in-process worker, one job at a time so the calls reach the fake in upload order.
let fake: FakeOpenAi;
let api: WatchedApi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  api = await startWatchedApi(
    testEnv({
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '1',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: 'llama3.1:8b',
      OPENAI_MAX_RETRIES: '0',
      // The least allowed: the hanging call below is given up after this long.
      OPENAI_TIMEOUT_SECONDS: '5',
      OPENAI_BREAKER_RESET_SECONDS: '3600',
    }),
  );
}, 90_000);

afterAll(async () => {
  await api?.kill();
  await fake?.close();
});

it('reads a CV with the server the environment names', async () => {
  expect(api.logs('extraction worker started')).toEqual([expect.objectContaining({ extractor: 'openai-compatible llama3.1:8b (offline fallback)' })]);
  fake.script({ kind: 'tool', arguments: CV_TOOL_INPUT });
  const cv = await waitForCvStatus(api.url, await uploadCv(api.url), ['ready', 'failed']);
  expect(cv).toMatchObject({ status: 'ready', extractor: 'openai-compatible', data: { hero: { fullName: 'Jane Doe', professionalTitle: 'Software Engineer' } } });
  expect(fake.requests.at(-1)!.body.model).toBe('llama3.1:8b');
}, 60_000);

it.each([
  ['a 500 answer', { kind: 'error' as const, status: 500 }],
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

it('the breaker is open after two failures in three calls: the server is not called, the CV is extracted offline, and the API says so', async () => {
  expect(api.logs('OpenAI-compatible server circuit opened: extracting offline until it recovers')).toHaveLength(1);
  expect(await metricLines(api.url, 'r2w_openai_compatible_circuit_open')).toEqual(['r2w_openai_compatible_circuit_open 1']);
  const calls = fake.requests.length;
  const cv = await waitForCvStatus(api.url, await uploadCv(api.url), ['ready', 'failed']);
  expect(cv).toMatchObject({ status: 'ready', extractor: 'offline' });
  expect(fake.requests.length).toBe(calls);
  expect(await metricLines(api.url, 'r2w_openai_compatible_calls_total{outcome="circuit_open"}')).toEqual(['r2w_openai_compatible_calls_total{outcome="circuit_open"} 1']);
  expect(await metricLines(api.url, 'r2w_extraction_fallbacks_total{extractor="openai-compatible"}')).toEqual(['r2w_extraction_fallbacks_total{extractor="openai-compatible"} 3']);
}, 60_000);
