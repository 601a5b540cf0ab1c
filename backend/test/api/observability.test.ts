import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import request from 'supertest';
import { flushLogs } from '../../src/observability/cloudwatch-logs';
import { startExtractionWorker } from '../../src/worker/start-extraction-worker';
import { createLogGroup, readLogEvents } from '../support/cloudwatch-logs';
import { bearer, PASSWORD, registerAccount, uniqueEmail, type Account } from '../support/accounts';
import { startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic';
import { startMoto, type Moto } from '../support/moto';
import { waitFor } from '../support/ports';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { allSubsegments, startXrayDaemon, type SegmentDocument, type XrayDaemon } from '../support/xray-daemon';
import { CV_TEXT, CV_TOOL_INPUT } from '../fault/fault-steps';

// The product as it runs in AWS, observed from outside: S3 and SQS on moto, Claude on the
// fake, X-Ray segments to a UDP socket standing in for the daemon, log lines to moto's
// CloudWatch Logs. One upload-to-publish run at the most verbose log level, then: the
// segments and the log events are there and carry the request, and no secret or CV content
// is in any of them.
const CV_EMAIL = `zorblax.quandt-${randomBytes(4).toString('hex')}@observability.example`;
const CV_MARKER = 'Invented the Zorblax flux capacitor';
const ANTHROPIC_KEY = `sk-ant-observability-${randomBytes(8).toString('hex')}`;
const WRONG_PASSWORD = `not-the-password-${randomBytes(6).toString('hex')}`;
const LOG_GROUP = '/r2w/observability-test';
const LOG_STREAM = `api-${process.pid}`;

let moto: Moto;
let daemon: XrayDaemon;
let claude: FakeAnthropic;
let t: TestApp;
let worker: { stop(): Promise<void> };
const secrets: string[] = [CV_EMAIL, CV_MARKER, PASSWORD, WRONG_PASSWORD, TEST_JWT_SECRET, ANTHROPIC_KEY];
/** Embedded-metric records the process wrote to stdout. */
const emfLines: string[] = [];

/** A new trace, sampled, as a load balancer (or an upstream service) would start it. */
function newTrace(): { root: string; header: string } {
  const root = `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  return { root, header: `Root=${root};Sampled=1` };
}

beforeAll(async () => {
  moto = await startMoto();
  const aws = { region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials };
  const s3 = new S3Client({ ...aws, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'r2w-observability' }));
  s3.destroy();
  const sqs = new SQSClient(aws);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `r2w-observability-${process.pid}` }));
  sqs.destroy();
  await createLogGroup(moto, LOG_GROUP);
  daemon = await startXrayDaemon();
  claude = await startFakeAnthropic();
  claude.fallback = { kind: 'tool', input: { ...CV_TOOL_INPUT, contact: { email: CV_EMAIL } } };
  // The in-process SDK clients (S3, SQS, CloudWatch Logs) take their keys from the default chain.
  process.env.AWS_ACCESS_KEY_ID = moto.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = moto.credentials.secretAccessKey;
  t = createTestApp({
    LOG_LEVEL: 'debug',
    AWS_REGION: moto.region,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
    STORAGE_DRIVER: 's3',
    S3_BUCKET: 'r2w-observability',
    S3_FORCE_PATH_STYLE: 'true',
    QUEUE_DRIVER: 'sqs',
    SQS_QUEUE_URL: QueueUrl,
    ANTHROPIC_API_KEY: ANTHROPIC_KEY,
    ANTHROPIC_BASE_URL: claude.baseURL,
    XRAY_ENABLED: 'true',
    AWS_XRAY_DAEMON_ADDRESS: daemon.address,
    CLOUDWATCH_LOG_GROUP: LOG_GROUP,
    CLOUDWATCH_LOG_STREAM: LOG_STREAM,
    METRICS_EMF: 'true',
  });
  // Embedded-metric records go to stdout whatever the log level: kept from the run's output.
  const write = process.stdout.write.bind(process.stdout);
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = chunk.toString();
    if (text.includes('"_aws"')) return emfLines.push(text) > 0;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  });
  worker = startExtractionWorker(t.container, { waitSeconds: 1 });
}, 60_000);

afterAll(async () => {
  jest.restoreAllMocks();
  await worker?.stop();
  await t?.close();
  await claude?.close();
  await daemon?.close();
  await moto?.stop();
});

interface Run {
  account: Account;
  loginTokens: { accessToken: string; refreshToken: string };
  refreshed: { accessToken: string; refreshToken: string };
  upload: { trace: string; requestId: string; cvId: string };
  build: { trace: string; requestId: string; taskId: string };
}
let run: Run;

/** Sign up, upload a text CV, extract it (Claude), build and publish its site. */
async function uploadToPublish(): Promise<Run> {
  const account = await registerAccount(t.app, uniqueEmail('observability'));
  const refused = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: WRONG_PASSWORD });
  expect(refused.status).toBe(401);
  const login = await request(t.app).post('/api/v1/auth/login').send({ email: account.email, password: PASSWORD });
  expect(login.status).toBe(200);
  const refreshed = await request(t.app).post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
  expect(refreshed.status).toBe(200);

  const uploadTrace = newTrace();
  const cvText = CV_TEXT.replace('jane@example.com', CV_EMAIL).replace('• Built the billing system', `• ${CV_MARKER}`);
  const uploaded = await request(t.app)
    .post('/api/v1/cvs')
    .set(...bearer(account.accessToken))
    .set('X-Amzn-Trace-Id', uploadTrace.header)
    .attach('file', Buffer.from(cvText), 'cv.txt');
  expect(uploaded.status).toBe(202);
  const cvId = uploaded.body.cv.id as string;
  await waitFor(
    async () =>
      (
        await request(t.app)
          .get(`/api/v1/cvs/${cvId}`)
          .set(...bearer(account.accessToken))
      ).body.cv.status === 'ready',
    { what: 'the CV to be extracted', timeoutMs: 45_000, intervalMs: 200 },
  );

  const portfolio = await request(t.app)
    .post('/api/v1/portfolios')
    .set(...bearer(account.accessToken))
    .send({ cvId, templateId: 'minimal' });
  expect(portfolio.status).toBe(201);
  const portfolioId = portfolio.body.portfolio.id as string;
  const buildTrace = newTrace();
  const started = await request(t.app)
    .post(`/api/v1/portfolios/${portfolioId}/builds`)
    .set(...bearer(account.accessToken))
    .set('X-Amzn-Trace-Id', buildTrace.header);
  expect(started.status).toBe(202);
  const buildId = started.body.build.id as string;
  await waitFor(
    async () =>
      (
        await request(t.app)
          .get(`/api/v1/portfolios/${portfolioId}/builds/${buildId}`)
          .set(...bearer(account.accessToken))
      ).body.build.status === 'succeeded',
    { what: 'the build', timeoutMs: 45_000, intervalMs: 250 },
  );
  const published = await request(t.app)
    .post(`/api/v1/portfolios/${portfolioId}/publish`)
    .set(...bearer(account.accessToken));
  expect(published.status).toBe(200);
  const site = await request(t.app).get(new URL(published.body.url).pathname);
  expect(site.status).toBe(200);
  // The site is where the CV's contents belong.
  expect(site.text).toContain(CV_EMAIL);

  const { taskId } = await t.container.db.build.findUniqueOrThrow({ where: { id: buildId } });
  return {
    account,
    loginTokens: { accessToken: login.body.accessToken, refreshToken: login.body.refreshToken },
    refreshed: { accessToken: refreshed.body.accessToken, refreshToken: refreshed.body.refreshToken },
    upload: { trace: uploadTrace.root, requestId: String(uploaded.headers['x-request-id']), cvId },
    build: { trace: buildTrace.root, requestId: String(started.headers['x-request-id']), taskId: taskId! },
  };
}

beforeAll(async () => {
  run = await uploadToPublish();
  secrets.push(run.account.accessToken, run.account.refreshToken, ...Object.values(run.loginTokens), ...Object.values(run.refreshed));
}, 120_000);

const requestSegment = (trace: string, method: string, url: RegExp) => (doc: SegmentDocument) =>
  doc.trace_id === trace && doc.name === 'r2w-api' && doc.http?.request?.method === method && url.test(doc.http.request.url ?? '');

function builderLog(): string {
  const { taskRunner } = t.config;
  if (taskRunner.driver !== 'child-process') throw new Error('this test runs builders as child processes');
  return readFileSync(path.join(taskRunner.logDir, `${run.build.taskId}.log`), 'utf8');
}

async function cloudWatchEvents(): Promise<string[]> {
  await flushLogs(t.container.logger);
  return readLogEvents(moto, LOG_GROUP, LOG_STREAM);
}

describe('X-Ray', () => {
  it('a segment for the upload request, with the request id, its S3, SQS and database subsegments', async () => {
    const segment = await daemon.next(requestSegment(run.upload.trace, 'POST', /\/api\/v1\/cvs$/));
    expect(segment.http?.response?.status).toBe(202);
    expect(segment.annotations).toMatchObject({ request_id: run.upload.requestId });
    const subs = allSubsegments(segment);
    expect(subs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'S3', namespace: 'aws' }),
        expect.objectContaining({ name: 'SQS', namespace: 'aws', aws: expect.objectContaining({ operation: 'SendMessage' }) }),
        expect.objectContaining({ namespace: 'remote', annotations: { model: 'Cv', operation: 'create' }, sql: { database_type: expect.stringMatching(/^(SQLite|PostgreSQL)$/) } }),
      ]),
    );
  });

  it("the extraction job's segment continues the upload's trace, with the request's segment as its parent, and traces the Claude call", async () => {
    const request = await daemon.next(requestSegment(run.upload.trace, 'POST', /\/api\/v1\/cvs$/));
    const job = await daemon.next((doc) => doc.trace_id === run.upload.trace && doc.name === 'r2w-worker');
    expect(job.parent_id).toBe(request.id);
    expect(job.annotations).toMatchObject({ job: 'extraction', request_id: run.upload.requestId });
    const subs = allSubsegments(job);
    expect(subs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Claude', namespace: 'remote' }),
        expect.objectContaining({ name: 'S3', namespace: 'aws', aws: expect.objectContaining({ operation: 'GetObject' }) }),
        expect.objectContaining({ namespace: 'remote', annotations: expect.objectContaining({ model: 'Cv' }) }),
      ]),
    );
    expect(subs.find((s) => s.name === 'Claude')?.fault).toBeUndefined();
  });

  it('the hot read of a CV (outside Prisma) is a database subsegment too', async () => {
    const trace = newTrace();
    const res = await request(t.app)
      .get(`/api/v1/cvs/${run.upload.cvId}`)
      .set(...bearer(run.account.accessToken))
      .set('X-Amzn-Trace-Id', trace.header);
    expect(res.status).toBe(200);
    const segment = await daemon.next(requestSegment(trace.root, 'GET', /\/api\/v1\/cvs\/[0-9a-f-]{36}$/));
    expect(allSubsegments(segment)).toEqual(expect.arrayContaining([expect.objectContaining({ namespace: 'remote', annotations: { model: 'Cv', operation: 'findById' } })]));
  });

  it("the build request's trace goes to the builder, whose log lines carry its trace id", async () => {
    const segment = await daemon.next(requestSegment(run.build.trace, 'POST', /\/builds$/));
    expect(segment.http?.response?.status).toBe(202);
    expect(segment.annotations).toMatchObject({ request_id: run.build.requestId });
    const lines = builderLog()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.traceId === run.build.trace && line.requestId === run.build.requestId)).toBe(true);
  });
});

describe('CloudWatch Logs', () => {
  it("the app's log lines arrive as JSON events in the group and stream, each with its request id", async () => {
    const events = (await cloudWatchEvents()).map((message) => JSON.parse(message) as Record<string, unknown>);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'cv uploaded', requestId: run.upload.requestId, cvId: run.upload.cvId, level: 'info', service: 'r2w-api' }),
        expect.objectContaining({ message: 'request', requestId: run.upload.requestId, status: 202, level: 'http' }),
        expect.objectContaining({ message: 'extraction finished', requestId: run.upload.requestId, extractor: 'claude' }),
        expect.objectContaining({ message: 'build started', requestId: run.build.requestId }),
      ]),
    );
  });
});

describe('CloudWatch embedded metrics', () => {
  it('one record for the extraction job (ready) and one for the build (succeeded), as the dashboard reads them', () => {
    const records = emfLines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
    const directive = (metrics: string[]) => ({
      Timestamp: expect.any(Number),
      CloudWatchMetrics: [
        {
          Namespace: 'Resume2Website',
          Dimensions: [['Outcome']],
          Metrics: [
            { Name: metrics[0], Unit: 'Count' },
            { Name: metrics[1], Unit: 'Milliseconds' },
          ],
        },
      ],
    });
    expect(records).toEqual([
      { _aws: directive(['Extractions', 'ExtractionDuration']), Outcome: 'ready', Extractions: 1, ExtractionDuration: expect.any(Number) },
      { _aws: directive(['Builds', 'BuildDuration']), Outcome: 'succeeded', Builds: 1, BuildDuration: expect.any(Number) },
    ]);
  });
});

describe('no secrets or CV contents in logs and traces', () => {
  it('neither the CV (its e-mail, its text), the password, the JWT secret, the API key nor any token is in a log line, log event, segment or builder line', async () => {
    const outputs = {
      'API and worker log lines': t.logs.map((line) => JSON.stringify(line)),
      'CloudWatch Logs events': await cloudWatchEvents(),
      'X-Ray datagrams': daemon.datagrams,
      'builder log': builderLog().split('\n'),
      'embedded metrics': emfLines,
    };
    // Each output really covers the run (the search below is not over empty text).
    expect(outputs['API and worker log lines'].join('\n')).toContain('build finished');
    expect(outputs['CloudWatch Logs events'].join('\n')).toContain('extraction finished');
    expect(outputs['X-Ray datagrams'].join('\n')).toContain(run.upload.trace);
    expect(outputs['builder log'].join('\n')).toContain(run.build.requestId);

    const leaks = Object.entries(outputs).flatMap(([where, lines]) =>
      lines.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 12)}… in ${line.slice(0, 300)}`)),
    );
    expect(leaks).toEqual([]);
  });
});
