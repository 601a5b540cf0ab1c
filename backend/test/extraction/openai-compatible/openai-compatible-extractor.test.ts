import http from 'node:http';
import type { AddressInfo } from 'node:net';
import winston from 'winston';
import { loadConfig, type OpenAiCompatibleSettings } from '../../../src/config/env';
import { NEUTRALIZED_LINE } from '../../../src/extraction/extractors/llm/neutralize-instructions';
import { MalformedToolOutput } from '../../../src/extraction/extractors/llm/tool-schema';
import { chatCompletionsUrl, ChatCompletionsError } from '../../../src/extraction/extractors/openai-compatible/chat-completions-client';
import { OpenAiCompatibleExtractor } from '../../../src/extraction/extractors/openai-compatible/openai-compatible-extractor';
import { ExtractionPipeline } from '../../../src/extraction/pipeline';
import { createLogger } from '../../../src/observability/logger';
import { createMetrics, type Metrics } from '../../../src/observability/metrics';
import { createPipeline } from '../../../src/worker/start-extraction-worker';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiReply } from '../../support/fake-openai';
import { CV_TEXT, cvDocument, GOOD_RECORD_CV, INVENTED_RECORD_CV, metricText, offlineStandIn } from '../../support/model-extraction';

// The pipeline tests read their CV in a parser process: slow to start on a busy machine.
jest.setTimeout(120_000);

const silent = winston.createLogger({ silent: true });

let fake: FakeOpenAi;
let metrics: Metrics;
const extractors: OpenAiCompatibleExtractor[] = [];
beforeEach(async () => {
  fake = await startFakeOpenAi();
  metrics = createMetrics();
});
afterEach(async () => {
  for (const extractor of extractors.splice(0)) extractor.close();
  await fake.close();
});

function openai(overrides: Partial<OpenAiCompatibleSettings> = {}): OpenAiCompatibleExtractor {
  const extractor = new OpenAiCompatibleExtractor(
    { baseUrl: fake.baseURL, model: 'qwen2.5:7b-instruct', apiKey: null, outputMode: 'tools', timeoutSeconds: 30, maxRetries: 0, breakerResetSeconds: 60, ...overrides },
    { metrics, logger: silent },
  );
  extractors.push(extractor);
  return extractor;
}

const metric = (name: string) => metricText(metrics, name);

describe('OpenAiCompatibleExtractor', () => {
  it('makes one forced record_cv tool call at temperature 0, with the instructions and the CV fenced as data, and no key unless one is set', async () => {
    fake.script({ kind: 'tool', arguments: GOOD_RECORD_CV });
    const result = await openai().extract(cvDocument());

    expect(fake.requests).toHaveLength(1);
    const { url, headers, body } = fake.requests[0]!;
    expect(url).toBe('/v1/chat/completions');
    expect(headers.authorization).toBeUndefined();
    expect(body.model).toBe('qwen2.5:7b-instruct');
    expect(body.temperature).toBe(0);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'record_cv' } });
    expect(body.response_format).toBeUndefined();
    expect(body.tools).toHaveLength(1);
    expect(body.tools![0]!.type).toBe('function');
    expect(body.tools![0]!.function.name).toBe('record_cv');
    const properties = body.tools![0]!.function.parameters.properties;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['hero', 'contact', 'summary', 'experience', 'references', 'unclassifiedText', 'confidence']));
    expect(JSON.stringify(properties.experience)).not.toContain('"id"');

    const [system, user] = body.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toMatch(/not instructions to you/);
    expect(system!.content).toMatch(/answer with the arguments of record_cv as one JSON object/);
    expect(user!.role).toBe('user');
    expect(user!.content).toMatch(/<cv_document>\nMaria Lopez[\s\S]*Universidad de Sevilla, 2014 – 2018\n<\/cv_document>$/);
    // The injected line never reaches the model.
    expect(user!.content).not.toContain('Mallory');
    expect(user!.content).toContain(NEUTRALIZED_LINE);

    expect(result.cv.hero.fullName).toBe('Maria Lopez');
    expect(result.cv.experience.items[0]).toMatchObject({ id: expect.any(String), companyName: 'Streamly' });
    expect(result.confidence.experience).toBe(0.85);
    expect(await metric('r2w_openai_compatible_calls_total{outcome="ok"}')).toMatch(/ 1$/);
    expect(await metric('r2w_openai_compatible_call_duration_seconds_count{outcome="ok"}')).toMatch(/ 1$/);
    expect(await metric('r2w_openai_compatible_tokens_total{kind="input"}')).toMatch(/ 2100$/);
    expect(await metric('r2w_openai_compatible_tokens_total{kind="output"}')).toMatch(/ 900$/);
  });

  it('sends the API key as a bearer token when one is set', async () => {
    fake.script({ kind: 'tool', arguments: GOOD_RECORD_CV });
    await openai({ apiKey: 'sk-local-vllm-key' }).extract(cvDocument());
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-local-vllm-key');
  });

  it('takes a base address with or without /v1, as OpenAI-style clients write it', async () => {
    expect(chatCompletionsUrl('http://localhost:11434')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://gpu.example.org/llm/v1')).toBe('https://gpu.example.org/llm/v1/chat/completions');
    fake.script({ kind: 'tool', arguments: GOOD_RECORD_CV });
    await openai({ baseUrl: `${fake.baseURL}/v1` }).extract(cvDocument());
    expect(fake.requests[0]!.url).toBe('/v1/chat/completions');
  });

  it('asks for the record_cv schema through response_format in json_schema mode, and reads the JSON text', async () => {
    fake.script({ kind: 'content', content: `<think>The CV has two jobs…</think>\n\`\`\`json\n${JSON.stringify(GOOD_RECORD_CV, null, 2)}\n\`\`\`` });
    const result = await openai({ outputMode: 'json_schema' }).extract(cvDocument());
    const { body } = fake.requests[0]!;
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'record_cv' } });
    expect(Object.keys(body.response_format!.json_schema.schema.properties)).toEqual(expect.arrayContaining(['hero', 'experience', 'confidence']));
    expect(result.cv.experience.items[0]).toMatchObject({ companyName: 'Streamly' });
  });

  it.each<[string, FakeOpenAiReply]>([
    ['the JSON object as its text', { kind: 'content', content: JSON.stringify(GOOD_RECORD_CV) }],
    ['a sentence and the JSON', { kind: 'content', content: `Here is the CV:\n${JSON.stringify(GOOD_RECORD_CV)}\nLet me know if you need more.` }],
    ['the call it could not make, written as text', { kind: 'content', content: JSON.stringify({ name: 'record_cv', parameters: GOOD_RECORD_CV }) }],
    ['the arguments as an object, not a JSON string', { kind: 'tool', arguments: GOOD_RECORD_CV, asObject: true }],
  ])('takes a server that ignores tools or bends the format: %s', async (_label, reply) => {
    fake.script(reply);
    const result = await openai().extract(cvDocument());
    expect(result.cv.hero.fullName).toBe('Maria Lopez');
    expect(result.cv.education.items[0]).toMatchObject({ institution: 'Universidad de Sevilla' });
  });

  it.each<[string, FakeOpenAiReply]>([
    ['arguments that are not JSON', { kind: 'tool', arguments: '{"hero": {"fullName": "Maria Lopez"' }],
    ['a text answer that is not JSON', { kind: 'content', content: 'Maria Lopez is a data engineer at Streamly.' }],
    ['an answer cut off at the output limit', { kind: 'content', content: '{"hero": {"fullName": "Maria', finishReason: 'length' }],
    ['a call to another tool', { kind: 'tool', name: 'search_web', arguments: { query: 'Maria Lopez' } }],
    ['an empty answer', { kind: 'content', content: '' }],
    ['arguments of the wrong shape', { kind: 'tool', arguments: { hero: 'Maria', experience: { items: 'none' } } }],
    ['unknown fields', { kind: 'tool', arguments: { ...GOOD_RECORD_CV, hero: { fullName: 'Maria Lopez', favouriteColour: 'red' } } }],
  ])('refuses %s as malformed, saying why without quoting the CV (the reason is logged)', async (_label, reply) => {
    fake.script(reply);
    const error: unknown = await openai()
      .extract(cvDocument())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedToolOutput);
    expect((error as Error).message).not.toMatch(/Maria|Lopez|Streamly/);
    expect(await metric('r2w_openai_compatible_calls_total{outcome="malformed"}')).toMatch(/ 1$/);
  });

  it.each<[string, FakeOpenAiReply]>([
    ['a body that is not JSON', { kind: 'raw', status: 200, body: '<html>proxy error</html>' }],
    ['JSON that is not a chat completion', { kind: 'raw', status: 200, body: '{"message": {"content": "hi"}}' }],
  ])('refuses %s as an invalid response, without retrying', async (_label, reply) => {
    fake.script(reply);
    await expect(openai({ maxRetries: 2 }).extract(cvDocument())).rejects.toMatchObject({ failure: 'invalid_response' });
    expect(fake.requests).toHaveLength(1);
    expect(await metric('r2w_openai_compatible_calls_total{outcome="invalid_response"}')).toMatch(/ 1$/);
  });

  it.each([429, 500, 503])('retries a %i and then succeeds', async (status) => {
    fake.script({ kind: 'error', status, retryAfterSeconds: 0 }, { kind: 'tool', arguments: GOOD_RECORD_CV });
    const result = await openai({ maxRetries: 2 }).extract(cvDocument());
    expect(fake.requests).toHaveLength(2);
    expect(result.cv.hero.fullName).toBe('Maria Lopez');
  });

  it('gives up after its retries, counting an http_error', async () => {
    fake.fallback = { kind: 'error', status: 502, message: 'upstream model crashed', retryAfterSeconds: 0 };
    await expect(openai({ maxRetries: 1 }).extract(cvDocument())).rejects.toMatchObject({ failure: 'http_error', status: 502, message: expect.stringMatching(/502: upstream model crashed/) });
    expect(fake.requests).toHaveLength(2);
    expect(await metric('r2w_openai_compatible_calls_total{outcome="http_error"}')).toMatch(/ 1$/);
    expect(await metric('r2w_openai_compatible_call_duration_seconds_count{outcome="http_error"}')).toMatch(/ 1$/);
  });

  it('does not retry a 400, and says how to do without tools when the server refuses them', async () => {
    fake.fallback = { kind: 'error', status: 400, message: 'registry.ollama.ai/library/gemma2:2b does not support tools' };
    await expect(openai({ maxRetries: 2 }).extract(cvDocument())).rejects.toThrow(/does not support tools \(for a server or model without tools, set OPENAI_OUTPUT_MODE=json_schema\)/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a call that hangs', async () => {
    // The fake never answers: only the client's own timeout can end the call.
    fake.script({ kind: 'hang' });
    const error: unknown = await openai({ timeoutSeconds: 1 })
      .extract(cvDocument())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatCompletionsError);
    expect(error).toMatchObject({ failure: 'timeout', message: expect.stringMatching(/timed out/) });
    expect(await metric('r2w_openai_compatible_calls_total{outcome="timeout"}')).toMatch(/ 1$/);
  });

  it('counts a server that is not there as unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(openai({ baseUrl: `http://127.0.0.1:${port}` }).extract(cvDocument())).rejects.toMatchObject({ failure: 'unreachable' });
    expect(await metric('r2w_openai_compatible_calls_total{outcome="unreachable"}')).toMatch(/ 1$/);
  });

  it('opens its circuit after repeated failures and stops calling the server', async () => {
    fake.fallback = { kind: 'error', status: 500 };
    const extractor = openai();
    for (let i = 0; i < 3; i++) await expect(extractor.extract(cvDocument())).rejects.toBeDefined();
    const calls = fake.requests.length;
    await expect(extractor.extract(cvDocument())).rejects.toThrow(/circuit is open/);
    expect(fake.requests).toHaveLength(calls);
    expect(await metric('r2w_openai_compatible_circuit_open')).toMatch(/ 1$/);
    expect(await metric('r2w_openai_compatible_calls_total{outcome="circuit_open"}')).toMatch(/ 1$/);
  });

  it('keeps its circuit closed when the server refuses CVs as too long (400): that is about the CV, not the server', async () => {
    fake.fallback = { kind: 'error', status: 400, message: "This model's maximum context length is 8192 tokens" };
    const extractor = openai();
    for (let i = 0; i < 4; i++) await expect(extractor.extract(cvDocument())).rejects.toMatchObject({ status: 400 });
    expect(fake.requests).toHaveLength(4);
    expect(await metric('r2w_openai_compatible_circuit_open')).toMatch(/ 0$/);
  });
});

describe('the pipeline around an OpenAI-compatible server', () => {
  function pipeline(primary: OpenAiCompatibleExtractor) {
    return new ExtractionPipeline({ primary, fallback: offlineStandIn, logger: silent, metrics });
  }

  it('drops values the model invented and counts them', async () => {
    fake.script({ kind: 'tool', arguments: INVENTED_RECORD_CV });
    const outcome = await pipeline(openai()).run(Buffer.from(CV_TEXT), 'txt', () => undefined);
    expect(outcome.extractor).toBe('openai-compatible');
    expect(outcome.cv.hero).toEqual({ fullName: 'Maria Lopez', professionalTitle: null });
    expect(outcome.cv.summary).toEqual({ summaryText: null, yearsOfExperience: null });
    expect(outcome.rejectedValues).toBe(3);
    expect(outcome.cv.extraction).toMatchObject({ rejectedValues: 3, sections: { hero: { confidence: 0.95, source: 'llm' } } });
    expect(await metric('r2w_extraction_rejected_values_total{extractor="openai-compatible"}')).toMatch(/ 3$/);
  });

  it.each<[string, FakeOpenAiReply]>([
    ['fails', { kind: 'error', status: 500 }],
    ['answers something unusable', { kind: 'content', content: 'I cannot help with that.' }],
  ])('falls back to the offline extractor when the server %s, and counts it', async (_label, reply) => {
    fake.fallback = reply;
    const progress: string[] = [];
    const outcome = await pipeline(openai()).run(Buffer.from(CV_TEXT), 'txt', (_p, message) => void progress.push(message));
    expect(outcome.extractor).toBe('offline');
    expect(outcome.cv.extraction?.sections.hero?.source).toBe('heuristic');
    expect(progress).toEqual([
      'Reading the text of your CV',
      'Checking that this is a CV',
      'Reading your CV with the language model',
      'Finding the sections of your CV',
      'Checking every value against your CV',
      'Saving your CV',
    ]);
    expect(await metric('r2w_extraction_fallbacks_total{extractor="openai-compatible"}')).toMatch(/ 1$/);
  });
});

describe('createPipeline', () => {
  it('puts the OpenAI-compatible server the environment names first, with the offline extractor behind it', async () => {
    const config = loadConfig({ OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'llama3.1:8b', OPENAI_MAX_RETRIES: '0', PARSER_POOL_SIZE: '1', LOG_LEVEL: 'silent' });
    const { pipeline, close } = createPipeline({ config, logger: createLogger({ level: 'silent', service: 'test' }), metrics });
    try {
      fake.script({ kind: 'tool', arguments: GOOD_RECORD_CV }, { kind: 'error', status: 500 });
      expect(await pipeline.run(Buffer.from(CV_TEXT), 'txt', () => undefined)).toMatchObject({ extractor: 'openai-compatible', cv: { hero: { fullName: 'Maria Lopez' } } });
      expect((await pipeline.run(Buffer.from(CV_TEXT), 'txt', () => undefined)).extractor).toBe('offline');
      expect(fake.requests.map((r) => r.body.model)).toEqual(['llama3.1:8b', 'llama3.1:8b']);
    } finally {
      await close();
    }
  });
});
