import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ApiCv, Build, Portfolio, PublishResponse } from '@r2w/cv-schema/api';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { BUCKET, startTopology, type Topology } from '../../../scripts/aws-local/topology';
import { dropDatabase, repoRoot } from '../support/databases';
import { startFakeAnthropic, type FakeAnthropic } from '../support/fake-anthropic';
import { waitFor } from '../support/ports';
import { REDIS_URL } from '../support/services';
import { loadFunction, viewerRequest } from '../../../scripts/aws-local/cloudfront-function';
import { TEST_JWT_SECRET } from '../support/test-app';
import { CV_TEXT, CV_TOOL_INPUT, cvForm } from '../fault/fault-steps';

// The product as it runs in AWS, on one machine (scripts/aws-local/topology.ts, which
// `npm run start:aws-local` starts too): two API processes behind a round-robin load
// balancer, a separate worker on SQS (moto, with a dead-letter queue), S3 on moto, a fresh
// migrated PostgreSQL database, Redis, and the published-site pointers in the CloudFront
// KeyValueStore stand-in; every process runs the built code (npm run build) with
// NODE_ENV=production. Builds go through the task runner: moto's ECS cannot run
// containers, so the child-process runner starts the real builder (node --snapshot-blob
// portfolio-task/dist/bundle/builder.blob), a pure job that reads its input from S3 and writes the site
// there, as its Fargate task does. Being the built code, it needs `npm run build` first
// (npm test builds before it tests; a missing backend/dist is a clear error).
//
// One CV goes the whole way through the load balancer, which sends each request to the
// next API in turn: upload, extraction on the worker, edit, build, publish, the site served.
// Its extraction is where the worker dies: the fake Claude holds the first worker's call
// open, the worker is SIGKILLed there, and the job comes back from SQS after its (short)
// visibility timeout to a new worker, which finishes it once.
//
// Where the site is served: with SITE_POINTERS=cloudfront-kvs, CloudFront's function reads
// the slug's S3 prefix from the KeyValueStore and serves the file from S3. The test runs
// that function (ecs/functions/site-router.js) on the store the APIs wrote and reads the
// file it names from S3; it also asks the APIs' own /sites route, which serves the same
// build on this machine.

const VISIBILITY_TIMEOUT_SECONDS = 2;
const EDITED_TITLE = 'Principal Engineer, Topology Division';

let fake: FakeAnthropic;
let topology: Topology;
let s3: S3Client;
let sqs: SQSClient;
const database = `r2w_topology_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  topology = await startTopology({
    database,
    dataDir: mkdtempSync(path.join(process.env.R2W_TEST_DIR!, 'aws-topology-')),
    redisUrl: REDIS_URL,
    redisKeyPrefix: `r2w-test-topology-${randomUUID()}:`,
    jwtSecret: TEST_JWT_SECRET,
    proxy: { host: '127.0.0.1' },
    visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
    maxReceives: 3,
    env: {
      WEB_DIR: 'none',
      PASSWORD_SCRYPT_LOG2N: '14',
      // One job at a time and one parser process: the machine is shared.
      WORKER_CONCURRENCY: '1',
      ANTHROPIC_API_KEY: 'sk-ant-topology-test-key',
      ANTHROPIC_BASE_URL: fake.baseURL,
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_TIMEOUT_SECONDS: '600',
    },
  });
  const aws = { region: topology.moto.region, endpoint: topology.moto.endpoint, credentials: topology.moto.credentials };
  s3 = new S3Client({ ...aws, forcePathStyle: true });
  sqs = new SQSClient(aws);
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  sqs?.destroy();
  await topology?.stop();
  await fake?.close();
  await dropDatabase(database);
}, 60_000);

async function call<T>(method: string, route: string, options: { token?: string; body?: unknown; form?: FormData } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${topology.url}${route}`, {
    method,
    headers: { ...(options.form ? {} : { 'content-type': 'application/json' }), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Messages in a queue: waiting, held by a consumer, or delayed (a retry's backoff). */
async function messagesIn(queueUrl: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible) + Number(Attributes?.ApproximateNumberOfMessagesDelayed);
}

async function s3Text(key: string): Promise<string> {
  return (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
}

it('upload → extraction (its worker SIGKILLed mid-job, the job finished once by the next) → edit → build → publish → the site is served, across two APIs', async () => {
  const registered = await call<{ accessToken: string }>('POST', '/api/v1/auth/register', { body: { email: `topology-${randomUUID()}@example.com`, password: 'correct horse battery' } });
  expect(registered.status).toBe(201);
  const token = registered.body.accessToken;

  // Upload; the first worker takes the job from SQS and is held inside its Claude call.
  fake.script({ kind: 'hang' });
  const uploaded = await call<{ cv: ApiCv }>('POST', '/api/v1/cvs', { token, form: cvForm(CV_TEXT) });
  expect(uploaded.status).toBe(202);
  const cvId = uploaded.body.cv.id;
  const cvNow = async () => (await call<{ cv: ApiCv }>('GET', `/api/v1/cvs/${cvId}`, { token })).body.cv;
  await waitFor(async () => fake.requests.length === 1, { what: 'the first worker to call Claude', timeoutMs: 60_000 });
  expect((await cvNow()).status).toBe('extracting');

  const [first] = topology.workers;
  first!.child.kill('SIGKILL');
  expect(await first!.exited(25_000)).toEqual({ code: null, signal: 'SIGKILL' });

  // SQS hands the job to the next worker once its visibility timeout has passed.
  fake.script({ kind: 'tool', input: CV_TOOL_INPUT });
  const second = await topology.startWorker();
  let cv = await cvNow();
  await waitFor(async () => ['ready', 'failed'].includes((cv = await cvNow()).status), { what: 'the CV to be extracted', timeoutMs: 60_000 });
  expect(cv).toMatchObject({ status: 'ready', extractor: 'claude', data: { hero: { fullName: 'Jane Doe' } } });
  // Deleted from the queue after the row is written: once it is gone nothing can run it again.
  await waitFor(async () => (await messagesIn(topology.queueUrl)) === 0, { what: 'the job to be deleted from the queue' });
  expect(await messagesIn(topology.deadLetterQueueUrl)).toBe(0);

  // Finished exactly once: one Claude answer, one 'extraction finished' over both workers, two attempts on the row.
  expect(fake.requests).toHaveLength(2);
  expect(first!.logs('extraction started')).toEqual([expect.objectContaining({ cvId })]);
  expect(first!.logs('extraction finished')).toHaveLength(0);
  expect(second.logs('extraction started')).toEqual([expect.objectContaining({ cvId, attempt: 2 })]);
  expect(second.logs('extraction finished')).toEqual([expect.objectContaining({ cvId, extractor: 'claude' })]);
  const db = new Client({ connectionString: topology.databaseUrl });
  await db.connect();
  try {
    const rows = await db.query('SELECT status, attempts, extractor FROM "Cv" WHERE id = $1', [cvId]);
    expect(rows.rows).toEqual([{ status: 'ready', attempts: 2, extractor: 'claude' }]);
  } finally {
    await db.end();
  }

  // The original comes through the API from S3, so that the SPA (whose CSP allows only its own
  // origin) can read it to save or to draw it.
  const original = await fetch(`${topology.url}/api/v1/cvs/${cvId}/file`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
  expect(original.status).toBe(200);
  expect(await original.text()).toBe(CV_TEXT);

  // Edit, build (a builder process reading its input from S3), publish.
  const data = cv.data!;
  const edited = await call<{ cv: ApiCv }>('PUT', `/api/v1/cvs/${cvId}/data`, { token, body: { ...data, hero: { ...data.hero, professionalTitle: EDITED_TITLE } } });
  expect(edited.status).toBe(200);
  const created = await call<{ portfolio: Portfolio }>('POST', '/api/v1/portfolios', { token, body: { cvId, templateId: 'minimal' } });
  expect(created.status).toBe(201);
  const portfolioId = created.body.portfolio.id;
  const started = await call<{ build: Build }>('POST', `/api/v1/portfolios/${portfolioId}/builds`, { token });
  expect(started.status).toBe(202);
  let build = started.body.build;
  await waitFor(async () => ['succeeded', 'failed'].includes((build = (await call<{ build: Build }>('GET', `/api/v1/portfolios/${portfolioId}/builds/${build.id}`, { token })).body.build).status), {
    what: 'the build',
    timeoutMs: 60_000,
    intervalMs: 250,
  });
  // The whole build, so that a failure shows its error.
  expect(build).toMatchObject({ status: 'succeeded' });
  const published = await call<PublishResponse>('POST', `/api/v1/portfolios/${portfolioId}/publish`, { token });
  expect(published.status).toBe(200);
  const { slug } = (await call<{ portfolio: Portfolio }>('GET', `/api/v1/portfolios/${portfolioId}`, { token })).body.portfolio;
  const { url } = published.body;
  expect(published.body).toEqual({ url: `${topology.url}/sites/${slug}/`, buildId: build.id });

  // The KeyValueStore points the slug at the build's files, which are in S3.
  const sitePrefix = `sites/${portfolioId}/${build.id}/`;
  expect(topology.kvs.entries.get(slug!)).toBe(sitePrefix);
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: sitePrefix }));
  expect(listed.Contents?.map((object) => object.Key)).toEqual(expect.arrayContaining([`${sitePrefix}index.html`, `${sitePrefix}404.html`]));

  // As CloudFront serves it: the function maps the address to an S3 key through the store.
  const routed = await loadFunction(readFileSync(path.join(repoRoot, 'ecs/functions/site-router.js'), 'utf8'), topology.kvs.entries)(viewerRequest(`/${slug}/`));
  expect(routed.uri).toBe(`/${sitePrefix}index.html`);
  const fromS3 = await s3Text(sitePrefix + 'index.html');
  expect(fromS3).toContain(EDITED_TITLE);
  // And as this machine serves it, through the load balancer.
  const site = await fetch(url);
  expect(site.status).toBe(200);
  expect(await site.text()).toBe(fromS3);

  // Both APIs served the steps, in turn; each counted its own.
  const served = [...topology.proxy.served.values()];
  expect(served).toHaveLength(2);
  expect(Math.min(...served)).toBeGreaterThan(5);
  expect(Math.abs(served[0]! - served[1]!)).toBeLessThanOrEqual(1);
  for (const api of topology.apis) {
    const metrics = await (await fetch(api.metricsUrl)).text();
    expect(metrics).toMatch(/^r2w_http_requests_total\{[^}]*route="\/api\/v1\/cvs\/:id"[^}]*\} [1-9]/m);
  }
}, 150_000);
