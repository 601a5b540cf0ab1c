import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureMigratedDatabase } from '../../backend/test/support/databases';
import { startMoto, type Moto } from '../../backend/test/support/moto';
import { freePort } from '../../backend/test/support/ports';
import { startWatchedApi, startWatchedWorker, type StartOptions, type WatchedApi, type WatchedProcess } from '../../backend/test/support/watched-process';
import { startAlbProxy, type AlbProxy } from './alb-proxy';
import { startFakeKvs, type FakeKvs } from './fake-kvs';

// The product as it runs in AWS, on one machine: two API processes behind a load balancer,
// a separate extraction worker on SQS, builds started by the API through the task runner,
// PostgreSQL and Redis, S3 and SQS (with its dead-letter queue) on moto_server, and the
// published-site pointers in a CloudFront KeyValueStore (a local stand-in: moto has none).
// Every process runs the built code (backend/dist, portfolio-task/dist) with NODE_ENV=production.
//
// One difference from AWS, forced by the emulator: moto's ECS cannot run containers, so
// the APIs start the real builder (node --snapshot-blob portfolio-task/dist/bundle/builder.blob) as a child process.
// The builder is a pure job, reading its input from S3 and writing the site there, so
// it does here exactly what its Fargate task does.
//
// `npm run start:aws-local` (start.ts) and the system test (backend/test/system/aws-topology.test.ts) both start it from here.

export const BUCKET = 'r2w-aws-local';
const QUEUE = 'r2w-extraction';
const API_COUNT = 2;

export interface TopologyOptions {
  /** The PostgreSQL database, created and migrated if missing. */
  database: string;
  /** Each process gets a folder of its own under it (builder logs); nothing is shared through it. */
  dataDir: string;
  redisUrl: string;
  redisKeyPrefix: string;
  jwtSecret: string;
  /** Where the load balancer listens: every interface and a free port unless told. */
  proxy?: { port?: number; host?: string };
  /** The queue's visibility timeout: how soon a job whose worker died is delivered again. */
  visibilityTimeoutSeconds: number;
  /** Deliveries before the queue moves a job to its dead-letter queue. */
  maxReceives: number;
  /** More variables for every API and worker (LOG_LEVEL, ANTHROPIC_*, …); they win. */
  env?: Record<string, string>;
  /** Each process's output as it arrives, with the process's name. */
  onOutput?: (name: string, text: string) => void;
}

export interface Topology {
  /** The load balancer: the product's address. */
  url: string;
  proxy: AlbProxy;
  /** Each with its /metrics address (a port of its own, as in AWS, where the ALB does not route it). */
  apis: (WatchedApi & { metricsUrl: string })[];
  /** Every worker started, in order; the last is the current one. */
  workers: WatchedProcess[];
  moto: Moto;
  kvs: FakeKvs;
  queueUrl: string;
  deadLetterQueueUrl: string;
  databaseUrl: string;
  /** Starts one more worker process (after one was killed, say). */
  startWorker(): Promise<WatchedProcess>;
  /** What runs where, for people. */
  describe(): string;
  /** Stops everything it started: the processes with SIGTERM (as ECS stops tasks), then the emulators. */
  stop(): Promise<void>;
}

async function createQueues(moto: Moto, options: Pick<TopologyOptions, 'visibilityTimeoutSeconds' | 'maxReceives'>): Promise<{ queueUrl: string; deadLetterQueueUrl: string }> {
  const sqs = new SQSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
  try {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${QUEUE}-dlq` }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
    const main = await sqs.send(
      new CreateQueueCommand({
        QueueName: QUEUE,
        Attributes: {
          VisibilityTimeout: String(options.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: options.maxReceives }),
        },
      }),
    );
    return { queueUrl: main.QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl! };
  } finally {
    sqs.destroy();
  }
}

async function createBucket(moto: Moto): Promise<void> {
  const s3 = new S3Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials, forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  } finally {
    s3.destroy();
  }
}

async function stopProcess(child: WatchedProcess): Promise<void> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return;
  child.child.kill('SIGTERM');
  // Past the processes' own grace (SHUTDOWN_GRACE_SECONDS, at most 30 s with its margin), as ECS would.
  await child.exited(35_000).catch(() => child.kill());
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  // Stopped in this order: the load balancer (no request reaches a stopping API), the
  // processes, then what they use.
  const layers = { front: [] as (() => Promise<unknown>)[], processes: [] as (() => Promise<unknown>)[], services: [] as (() => Promise<unknown>)[] };
  const stopAll = async () => {
    for (const layer of [layers.front, layers.processes, layers.services]) await Promise.allSettled(layer.splice(0).map((stop) => stop()));
  };
  try {
    const [moto, kvs, databaseUrl] = await Promise.all([
      startMoto().then((m) => (layers.services.push(() => m.stop()), m)),
      startFakeKvs().then((k) => (layers.services.push(() => k.close()), k)),
      ensureMigratedDatabase(options.database),
    ]);
    const [queues] = await Promise.all([createQueues(moto, options), createBucket(moto)]);

    // The APIs need the public address (published sites' links), so its port is chosen first.
    const proxyPort = options.proxy?.port ?? (await freePort());
    const url = `http://${options.proxy?.host ?? 'localhost'}:${proxyPort}`;
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      // Publishing is free on this machine, as with npm start; production sells the plan.
      PAYMENTS: 'off',
      APP_BASE_URL: url,
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: options.redisKeyPrefix,
      JWT_SECRET: options.jwtSecret,
      // The load balancer speaks plain HTTP here; in AWS CloudFront terminates TLS.
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '1',
      SITES_BASE_URL: `${url}/sites`,
      AWS_REGION: moto.region,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: BUCKET,
      S3_FORCE_PATH_STYLE: 'true',
      QUEUE_DRIVER: 'sqs',
      SQS_QUEUE_URL: queues.queueUrl,
      SQS_DLQ_URL: queues.deadLetterQueueUrl,
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: String(options.visibilityTimeoutSeconds),
      QUEUE_MAX_RECEIVES: String(options.maxReceives),
      WORKER_IN_PROCESS: 'false',
      TASK_RUNNER: 'child-process',
      SITE_POINTERS: 'cloudfront-kvs',
      CLOUDFRONT_KVS_ARN: kvs.arn,
      CLOUDFRONT_KVS_ENDPOINT_URL: kvs.endpoint,
      ...options.env,
    };
    const dataDir = (name: string) => {
      const dir = path.join(options.dataDir, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    };
    const startOptions = (name: string): StartOptions => ({ onOutput: options.onOutput && ((text) => options.onOutput!(name, text)) });

    const workers: WatchedProcess[] = [];
    const startWorker = async () => {
      const name = `worker-${workers.length + 1}`;
      const worker = await startWatchedWorker({ ...env, DATA_DIR: dataDir(name) }, startOptions(name));
      workers.push(worker);
      layers.processes.push(() => stopProcess(worker));
      return worker;
    };
    const metricsPorts = await Promise.all(Array.from({ length: API_COUNT }, () => freePort()));
    const [apis] = await Promise.all([
      Promise.all(
        metricsPorts.map(async (metricsPort, i) => {
          const name = `api-${i + 1}`;
          const api = await startWatchedApi({ ...env, DATA_DIR: dataDir(name), METRICS_PORT: String(metricsPort) }, startOptions(name));
          layers.processes.push(() => stopProcess(api));
          return { ...api, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
        }),
      ),
      startWorker(),
    ]);
    const proxy = await startAlbProxy(
      apis.map((api) => api.url),
      { port: proxyPort, host: options.proxy?.host },
    );
    layers.front.push(() => proxy.close());

    return {
      url,
      proxy,
      apis,
      workers,
      moto,
      kvs,
      ...queues,
      databaseUrl,
      startWorker,
      describe: () =>
        [
          `Resume2Website in its AWS topology, on this machine:`,
          `  load balancer    ${url}  (round robin over the APIs; open the product here)`,
          ...apis.map((api, i) => `  api-${i + 1}            ${api.url}  (metrics: ${api.metricsUrl})  pid ${api.child.pid}`),
          ...workers.map((w, i) => `  worker-${i + 1}         extraction jobs from SQS  pid ${w.child.pid}`),
          `  builds           a child process per build: node --snapshot-blob portfolio-task/dist/bundle/builder.blob (an ECS task in AWS)`,
          `  PostgreSQL       ${databaseUrl}`,
          `  Redis            ${options.redisUrl}  (keys under ${options.redisKeyPrefix})`,
          `  moto_server      ${moto.endpoint}  S3 bucket ${BUCKET}; SQS ${queues.queueUrl} (dead letters: ${queues.deadLetterQueueUrl})`,
          `  KeyValueStore    ${kvs.endpoint}  (a local stand-in for CloudFront's) ${kvs.arn}`,
          `  published sites  ${url}/sites/<slug>/  (served by the APIs here; by CloudFront from S3 in AWS)`,
        ].join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
