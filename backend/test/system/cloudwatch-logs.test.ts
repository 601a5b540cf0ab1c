import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { loadConfig } from '../../src/config/env';
import { configuredLogTransports, flushLogs } from '../../src/observability/cloudwatch-logs';
import { createLogger } from '../../src/observability/logger';
import { createLogGroup, logStreamNames, readLogEvents } from '../support/cloudwatch-logs';
import { startMoto, type Moto } from '../support/moto';
import { testEnv } from '../support/test-app';
import { startWatchedApi, startWatchedWorker, type WatchedProcess } from '../support/watched-process';

// The API and the worker as their own processes with CLOUDWATCH_LOG_GROUP set, against moto's
// CloudWatch Logs: each writes to a stream of its own (service/host/pid), and a SIGTERM stop
// uploads the lines still batched (the last, "stopped", among them) before the process exits.
const GROUP = '/r2w/system-test';
let moto: Moto;

interface CloudWatchTransport {
  logEvents: unknown[];
  submit(callback: () => void): void;
  cloudwatchlogs: { destroy(): void };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}
const started: WatchedProcess[] = [];

beforeAll(async () => {
  moto = await startMoto();
  await createLogGroup(moto, GROUP);
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.kill()));
  await moto?.stop();
});

function cloudWatchEnv(): NodeJS.ProcessEnv {
  return testEnv({
    LOG_LEVEL: 'http',
    CLOUDWATCH_LOG_GROUP: GROUP,
    AWS_REGION: moto.region,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
    WORKER_IN_PROCESS: 'false',
  });
}

it('each process logs to its own stream, and a graceful stop flushes its last lines', async () => {
  const api = await startWatchedApi(cloudWatchEnv());
  started.push(api);
  const worker = await startWatchedWorker(cloudWatchEnv());
  started.push(worker);
  const requestId = `cloudwatch-${randomUUID()}`;
  const ready = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': requestId } });
  expect([ready.status, await ready.text()]).toEqual([200, expect.any(String)]);

  api.child.kill('SIGTERM');
  worker.child.kill('SIGTERM');
  expect(await api.exited(30_000)).toEqual({ code: 0, signal: null });
  expect(await worker.exited(30_000)).toEqual({ code: 0, signal: null });

  const streams = await logStreamNames(moto, GROUP);
  const apiStream = streams.find((s) => s === `r2w-api/${hostname()}/${api.child.pid}`);
  const workerStream = streams.find((s) => s === `r2w-worker/${hostname()}/${worker.child.pid}`);
  expect({ apiStream, workerStream }).toEqual({ apiStream: expect.any(String), workerStream: expect.any(String) });

  const apiEvents = (await readLogEvents(moto, GROUP, apiStream!)).map((m) => JSON.parse(m) as Record<string, unknown>);
  // What the process said about its uploads, if it failed.
  if (apiEvents.length === 0) throw new Error(`no events reached ${apiStream}; the API wrote:\n${api.output().slice(-3000)}`);
  expect(apiEvents).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ message: 'request', requestId, path: '/health/live', status: 200, service: 'r2w-api' }),
      expect.objectContaining({ message: 'shutting down: draining requests, event streams and jobs', signal: 'SIGTERM' }),
    ]),
  );
  expect(apiEvents.at(-1)).toMatchObject({ message: 'stopped', service: 'r2w-api' });
  const workerEvents = (await readLogEvents(moto, GROUP, workerStream!)).map((m) => JSON.parse(m) as Record<string, unknown>);
  expect(workerEvents[0]).toMatchObject({ message: 'extraction worker started', service: 'r2w-worker' });
  expect(workerEvents.at(-1)).toMatchObject({ message: 'stopped', service: 'r2w-worker' });
  // The same lines went to stdout too (where ECS's awslogs driver would take them).
  expect(api.logs('stopped')).toHaveLength(1);
}, 120_000);

it('a flush that starts while an upload is on the wire ends only once CloudWatch holds every line', async () => {
  // The SDK's default credential chain reads these, as the processes above do from their env.
  process.env.AWS_ACCESS_KEY_ID = moto.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = moto.credentials.secretAccessKey;
  const stream = `flush-${randomUUID()}`;
  const config = loadConfig({ LOG_LEVEL: 'info', CLOUDWATCH_LOG_GROUP: GROUP, CLOUDWATCH_LOG_STREAM: stream, AWS_REGION: moto.region, AWS_ENDPOINT_URL: moto.endpoint });
  const transports = configuredLogTransports(config, 'r2w-test');
  const transport = transports[0] as unknown as CloudWatchTransport;
  const logger = createLogger({ level: 'silent', service: 'r2w-test', transports });
  logger.level = 'info';
  logger.info('first');
  await until(() => transport.logEvents.length === 1);
  // What the transport's timer does every two seconds: an upload of 'first' is now under way.
  transport.submit(() => undefined);
  logger.info('last');
  await flushLogs(logger);
  // The process exits here: whatever is still on the wire is lost.
  transport.cloudwatchlogs.destroy();
  const messages = (await readLogEvents(moto, GROUP, stream)).map((m) => (JSON.parse(m) as { message: string }).message);
  expect(messages).toEqual(['first', 'last']);
});

it('detaches the transport at a flush, so a line logged later cannot restart its uploads', async () => {
  const config = loadConfig({ LOG_LEVEL: 'info', CLOUDWATCH_LOG_GROUP: GROUP, AWS_REGION: moto.region, AWS_ENDPOINT_URL: moto.endpoint });
  const transports = configuredLogTransports(config, 'r2w-test');
  expect(transports).toHaveLength(1);
  const logger = createLogger({ level: 'silent', service: 'r2w-test', transports });
  logger.level = 'info';
  await flushLogs(logger);
  expect(logger.transports).not.toContain(transports[0]);
});
