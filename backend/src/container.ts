import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from './config/env';
import { createDatabase, type Database } from './db/database';
import type { CvById } from './db/cv-by-id';
import { BuildWatcher } from './builds/build-jobs';
import type { JobQueue } from './adapters/queue/job-queue';
import { LocalJobQueue } from './adapters/queue/local-queue';
import { SqsJobQueue } from './adapters/queue/sqs-queue';
import { LocalSignals } from './adapters/signals/local-signals';
import { InProcessSignals, type Signals } from './adapters/signals/signals';
import type { SessionStore } from './adapters/session-store/session-store';
import { MemorySessionStore } from './adapters/session-store/memory-session-store';
import { RedisSessionStore } from './adapters/session-store/redis-session-store';
import type { ObjectStorage } from '@r2w/storage';
import { createStorage } from '@r2w/storage';
import { awsConnection } from './adapters/aws-client';
import type { SitePointers } from './adapters/site-pointers/site-pointers';
import { DatabaseSitePointers } from './adapters/site-pointers/database-site-pointers';
import { KvsSitePointers } from './adapters/site-pointers/kvs-site-pointers';
import type { TaskRunner } from './adapters/task-runner/task-runner';
import { ChildProcessTaskRunner } from './adapters/task-runner/child-process-runner';
import { EcsTaskRunner } from './adapters/task-runner/ecs-runner';
import { withStatusCache } from './adapters/task-runner/status-cache';
import { flushLogs } from './observability/cloudwatch-logs';
import { createAppLogger, type Logger } from './observability/logger';
import { createTracing, noTracing, type Tracing } from './observability/tracing';
import { createMetrics, type Metrics } from './observability/metrics';
import { TokenService } from './routes/auth/tokens';
import { UrlSigner } from './lib/signed-url';
import type Redis from 'ioredis';
import { IdentifierHasher } from './http/middleware/rate-limit/client-identity';
import { RateLimits } from './http/middleware/rate-limit/rate-limits';
import { createRedisConnection } from './adapters/redis/redis-connection';
import type { PaymentProvider } from './adapters/payments/payment-provider';
import { StripePaymentProvider } from './adapters/payments/stripe-provider';
import type { MailSender } from './adapters/mail/mail-sender';
import { OutboxMailSender } from './adapters/mail/outbox-mail-sender';
import { SesMailSender } from './adapters/mail/ses-mail-sender';
import { SettlingMailSender } from './adapters/mail/settling-mail-sender';

/** Extraction jobs: the CV to extract and the request that asked for it. */
export interface ExtractionJob {
  cvId: string;
  requestId?: string;
  /** The X-Amzn-Trace-Id of the request that asked for it: the job's segment continues that trace. */
  trace?: string;
}

// Everything the API and the worker need, built once from the configuration: the one
// place where a cloud service or its local twin is chosen.
export interface Container {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** X-Ray when XRAY_ENABLED, else pass-throughs. */
  tracing: Tracing;
  db: Database;
  cvById: CvById;
  sessions: SessionStore;
  storage: ObjectStorage;
  queue: JobQueue<ExtractionJob>;
  /** "Look again" notices: a job queued (wakes the worker), a CV changed (wakes its event streams). */
  signals: Signals;
  taskRunner: TaskRunner;
  sitePointers: SitePointers;
  tokens: TokenService;
  /** Signs preview links; its key is derived from the token secret, never equal to it. */
  signer: UrlSigner;
  /** Keyed hashes of client addresses and e-mail addresses (key derived from the token secret). */
  identifiers: IdentifierHasher;
  rateLimits: RateLimits;
  /** Follows the builds this process starts until they end. */
  buildWatcher: BuildWatcher;
  /** Stripe, when payments are on; null when publishing is free. */
  paymentProvider: PaymentProvider | null;
  /** Password reset mail: the local outbox, or SES; a stopping API waits for what is on its way. */
  mail: SettlingMailSender;
  close(): Promise<void>;
}

// Outside production a missing JWT_SECRET is generated once and kept under DATA_DIR, so
// local sessions survive a restart without any setup.
function localJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secrets', 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
}

// The local queue's processes share a machine and a DATA_DIR, and so can signal each other
// there. With SQS, workers long-poll SQS and event streams fall back to reading the database.
function createSignals(config: Config, logger: Logger, metrics: Metrics): Signals {
  if (config.queue.driver === 'local') return new LocalSignals({ dir: path.join(config.dataDir, 'signals'), logger, metrics });
  return new InProcessSignals();
}

function createQueue(config: Config, tracing: Tracing, signals: Signals): JobQueue<ExtractionJob> {
  const q = config.queue;
  if (q.driver === 'local') {
    return new LocalJobQueue<ExtractionJob>({ file: q.file, visibilityTimeoutSeconds: q.visibilityTimeoutSeconds, maxReceives: q.maxReceives, signals });
  }
  return new SqsJobQueue<ExtractionJob>({
    ...awsConnection(config, tracing),
    endpoint: q.endpoint,
    queueUrl: q.queueUrl,
    deadLetterQueueUrl: q.deadLetterQueueUrl,
    visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
  });
}

// How long one DescribeTasks answer serves every reader of a build (rate limits).
const ECS_STATUS_TTL_MS = 3000;

function createTaskRunner(config: Config, tracing: Tracing): TaskRunner {
  const t = config.taskRunner;
  if (t.driver === 'child-process')
    return new ChildProcessTaskRunner({
      command: t.command,
      cwd: path.resolve(__dirname, '../..'),
      logDir: t.logDir,
      maxRunSeconds: t.maxRunSeconds,
      baseEnv: { PATH: process.env.PATH ?? '', ...t.env },
    });
  const ecs = new EcsTaskRunner({
    ...awsConnection(config, tracing),
    cluster: t.cluster,
    taskDefinition: t.taskDefinition,
    containerName: t.containerName,
    subnets: t.subnets,
    securityGroups: t.securityGroups,
    assignPublicIp: t.assignPublicIp,
    capacity: t.capacity,
  });
  return withStatusCache(ecs, ECS_STATUS_TTL_MS);
}

function createSitePointers(config: Config, tracing: Tracing): SitePointers {
  const p = config.sitePointers;
  if (p.driver === 'database') return new DatabaseSitePointers();
  return new KvsSitePointers({ ...awsConnection(config, tracing), endpoint: p.endpoint, kvsArn: p.kvsArn, keyPrefix: p.keyPrefix });
}

function createMailSender(config: Config, tracing: Tracing, logger: Logger): MailSender {
  const m = config.mail;
  if (m.driver === 'outbox') return new OutboxMailSender({ dir: m.dir, from: m.from, logger });
  return new SesMailSender({ ...awsConnection(config, tracing), from: m.from, configurationSet: m.configurationSet });
}

// ioredis reports every reconnection attempt; one line every 10 s is enough.
function connectionWarning(logger: Logger, message: string): (error: Error) => void {
  let lastReported = 0;
  return (error) => {
    if (Date.now() - lastReported < 10_000) return;
    lastReported = Date.now();
    logger.warn(message, { err: error.message });
  };
}

function createSessions(config: Config, logger: Logger): SessionStore {
  if (!config.redis) return new MemorySessionStore();
  return new RedisSessionStore({ ...config.redis, onConnectionError: connectionWarning(logger, 'session store connection problem') });
}

// Counted in Redis when there is one, so every replica shares the counts.
function createRateLimits(config: Config, logger: Logger, metrics: Metrics, identifiers: IdentifierHasher): { rateLimits: RateLimits; redis: Redis | null } {
  const { redis: r } = config;
  const redis = r
    ? {
        client: createRedisConnection({ url: r.url, commandTimeoutMs: r.commandTimeoutMs, onConnectionError: connectionWarning(logger, 'rate-limit store connection problem') }),
        keyPrefix: r.keyPrefix,
        commandTimeoutMs: r.commandTimeoutMs,
      }
    : null;
  return { rateLimits: new RateLimits({ limits: config.rateLimits, redis, hasher: identifiers, metrics, logger }), redis: redis?.client ?? null };
}

/** `service` names the process in logs and traces: r2w-api (the default) or r2w-worker. */
export function createContainer(config: Config, overrides: Partial<Pick<Container, 'logger'>> & { service?: string } = {}): Container {
  const service = overrides.service ?? 'r2w-api';
  const logger = overrides.logger ?? createAppLogger(config, service);
  const metrics = createMetrics({ emf: config.observability.emf });
  const tracing = config.observability.xray ? createTracing({ daemonAddress: config.observability.xray.daemonAddress, serviceName: service, logger }) : noTracing;
  const { db, cvById, close: closeDatabase } = createDatabase(config.database, tracing);
  const sessions = createSessions(config, logger);
  const storage = createStorage(config.storage, awsConnection(config, tracing));
  const signals = createSignals(config, logger, metrics);
  const queue = createQueue(config, tracing, signals);
  const taskRunner = createTaskRunner(config, tracing);
  const sitePointers = createSitePointers(config, tracing);
  const secret = config.auth.jwtSecret ?? localJwtSecret(config.dataDir);
  const tokens = new TokenService(secret, config.auth.accessTokenTtlSeconds);
  const signer = new UrlSigner(createHash('sha256').update(`r2w-previews:${secret}`).digest('base64url'));
  const identifiers = new IdentifierHasher(createHash('sha256').update(`r2w-client-identifiers:${secret}`).digest('base64url'));
  const { rateLimits, redis: rateLimitRedis } = createRateLimits(config, logger, metrics, identifiers);
  const buildWatcher = new BuildWatcher({ db, storage, taskRunner, metrics, logger, maxBuildSeconds: config.builds.maxRunSeconds });
  const p = config.payments;
  const paymentProvider = p ? new StripePaymentProvider({ secretKey: p.secretKey, webhookSecret: p.webhookSecret, priceId: p.priceId, apiBaseUrl: p.apiBaseUrl }) : null;

  const mail = new SettlingMailSender(createMailSender(config, tracing, logger));
  return {
    config,
    logger,
    metrics,
    tracing,
    db,
    cvById,
    sessions,
    storage,
    queue,
    signals,
    taskRunner,
    sitePointers,
    tokens,
    signer,
    identifiers,
    rateLimits,
    buildWatcher,
    paymentProvider,
    mail,
    async close() {
      buildWatcher.close();
      await Promise.allSettled([taskRunner.close(), sessions.close(), queue.close(), closeDatabase(), rateLimitRedis?.quit().catch(() => rateLimitRedis.disconnect())]);
      await signals.close();
      // A logger made here is this container's to flush; one passed in belongs to the caller.
      if (!overrides.logger) await flushLogs(logger);
    },
  };
}
