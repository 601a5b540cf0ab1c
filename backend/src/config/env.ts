import { existsSync } from 'node:fs';
import path from 'node:path';
import { StorageEnvSchema, storageEnvOf, storageEnvProblems, storageSettings, type StorageSettings } from '@r2w/storage';
import { z } from 'zod';

// The only place that reads process.env. Everything else receives the typed Config.
// Each variable is documented in .env.example at the repository root.

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csv = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0, 'must list at least one value');
const seconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const WINDOW_UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// "<requests>/<window>", e.g. 10/15m: at most that many requests per client per window.
const rate = z
  .string()
  .regex(/^[1-9]\d{0,6}\/[1-9]\d{0,3}[smhd]$/, 'must look like 10/15m (requests per window; the window in s, m, h or d)')
  .transform((v) => {
    const [limit, window] = v.split('/') as [string, string];
    return { limit: Number(limit), windowMs: Number(window.slice(0, -1)) * WINDOW_UNIT_MS[window.slice(-1) as keyof typeof WINDOW_UNIT_MS] };
  });

/** The extractors EXTRACTOR chooses from. */
export const EXTRACTORS = ['offline', 'claude', 'openai-compatible'] as const;
export type ExtractorChoice = (typeof EXTRACTORS)[number];

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(2000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug', 'silent']).default('http'),

  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .optional(),
  DB_MIGRATE_ON_START: bool.optional(),
  DB_CONNECT_TIMEOUT_SECONDS: seconds(1, 60).default(5),

  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_KEY_PREFIX: z.string().default('r2w:'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (use `openssl rand -base64 48`)').optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(60, 3600).default(900),
  SESSION_TTL_SECONDS: seconds(300, 90 * 24 * 3600).default(7 * 24 * 3600),
  PASSWORD_SCRYPT_LOG2N: z.coerce.number().int().min(14).max(20).default(15),
  COOKIE_SECURE: bool.optional(),
  JSON_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('100kb'),
  CV_JSON_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('2mb'),
  MAX_UPLOAD_MB: z.coerce.number().min(0.1).max(100).default(10),
  ANONYMOUS_CV_RETENTION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 90)
    .default(72),
  SITES_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The origin browsers reach the app at: sign-in providers call back to it and Stripe's
  // Embedded Checkout returns to it.
  APP_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((v) => new URL(v).pathname === '/' && !new URL(v).search, 'must be an origin only, like https://app.example.com (no path)')
    .optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ISSUER_URL: z.url({ protocol: /^https?$/ }).default('https://accounts.google.com'),
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
  LINKEDIN_ISSUER_URL: z.url({ protocol: /^https?$/ }).default('https://www.linkedin.com/oauth'),
  WEB_DIR: z.string().min(1).optional(),
  EVENTS_POLL_MS: z.coerce.number().int().min(50).max(10_000).default(400),
  TRUST_PROXY: z.string().default('false'),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_GRACE_SECONDS: seconds(1, 120).default(25),

  // In ECS the awslogs driver already ships stdout to CloudWatch Logs; this transport is for
  // hosts without such a driver (an EC2 instance, a machine outside AWS) or a group of its own.
  CLOUDWATCH_LOG_GROUP: z
    .string()
    .regex(/^[\w./#-]{1,512}$/, 'must be a CloudWatch Logs group name: up to 512 letters, digits and _ - / . #')
    .optional(),
  CLOUDWATCH_LOG_STREAM: z
    .string()
    .regex(/^[^:*]{1,512}$/, 'must be a CloudWatch Logs stream name: up to 512 characters, without : or *')
    .optional(),
  XRAY_ENABLED: bool.default(false),
  // The X-Ray SDK's own variable (the daemon sidecar's address in ECS), validated here too.
  AWS_XRAY_DAEMON_ADDRESS: z
    .string()
    .regex(/^([\w.-]+:\d{1,5}|udp:[\w.-]+:\d{1,5} tcp:[\w.-]+:\d{1,5})$/, 'must be host:port (e.g. 127.0.0.1:2000), or "udp:host:port tcp:host:port" when the daemon listens on two addresses')
    .optional(),
  METRICS_EMF: bool.default(false),

  RATE_LIMIT_LOGIN_PER_IP: rate.prefault('100/15m'),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: rate.prefault('10/15m'),
  RATE_LIMIT_REGISTER: rate.prefault('10/1h'),
  RATE_LIMIT_REFRESH: rate.prefault('300/15m'),
  RATE_LIMIT_UPLOAD_ANONYMOUS: rate.prefault('10/1h'),
  RATE_LIMIT_UPLOAD_USER: rate.prefault('30/1h'),
  RATE_LIMIT_BUILD: rate.prefault('30/1h'),
  RATE_LIMIT_IMPORT: rate.prefault('30/1h'),
  RATE_LIMIT_PHOTO: rate.prefault('30/1h'),
  RATE_LIMIT_PASSWORD_RESET_PER_IP: rate.prefault('20/1h'),
  RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: rate.prefault('5/1h'),
  // How mail (password reset links) leaves: files under DATA_DIR/outbox locally, Amazon SES in AWS.
  MAIL_DRIVER: z.enum(['outbox', 'ses']).default('outbox'),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]+ )?<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address, optionally with a name: Resume2Website <no-reply@example.com>')
    .default('Resume2Website <no-reply@localhost>'),
  SES_CONFIGURATION_SET: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'must be an SES configuration set name: up to 64 letters, digits, _ and -')
    .optional(),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  MAX_ACTIVE_BUILDS_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  MAX_PENDING_EXTRACTIONS: z.coerce.number().int().min(1).max(1000).default(3),

  // DATA_DIR, AWS_REGION, AWS_ENDPOINT_URL, STORAGE_DRIVER and S3_*: shared with the builder task.
  ...StorageEnvSchema.shape,

  QUEUE_DRIVER: z.enum(['local', 'sqs']).default('local'),
  SQS_QUEUE_URL: z.url().optional(),
  SQS_DLQ_URL: z.url().optional(),
  // SQS elsewhere than AWS_ENDPOINT_URL: an emulator beside another S3 one (docker-compose.yml).
  SQS_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  QUEUE_VISIBILITY_TIMEOUT_SECONDS: seconds(1, 43_200).default(120),
  QUEUE_MAX_RECEIVES: z.coerce.number().int().min(1).max(1000).default(5),

  // Which extractor reads CVs; unset, it follows from the settings given (extractorProblems).
  EXTRACTOR: z.enum(EXTRACTORS).optional(),
  ANTHROPIC_API_KEY: z.string().min(10, 'does not look like an Anthropic API key').optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  ANTHROPIC_MODEL: z.string().min(3).default('claude-opus-4-1-20250805'),
  ANTHROPIC_TIMEOUT_SECONDS: seconds(5, 600).default(120),
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(6).default(2),
  CLAUDE_BREAKER_RESET_SECONDS: seconds(1, 3600).default(60),
  // Any server speaking OpenAI's chat completions (Ollama, llama.cpp, vLLM, LM Studio), so
  // that CVs can stay on the person's own machine.
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_OUTPUT_MODE: z.enum(['tools', 'json_schema']).default('tools'),
  // Local models on a CPU take minutes over a long CV.
  OPENAI_TIMEOUT_SECONDS: seconds(5, 3600).default(300),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(6).default(2),
  OPENAI_BREAKER_RESET_SECONDS: seconds(1, 3600).default(60),
  WORKER_IN_PROCESS: bool.optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  TEXT_EXTRACTION_TIMEOUT_SECONDS: seconds(1, 300).default(30),
  OFFLINE_EXTRACTION_TIMEOUT_SECONDS: seconds(1, 300).default(30),
  PARSER_POOL_SIZE: z.coerce.number().int().min(1).max(16).optional(),
  PARSER_MAX_JOBS_PER_PROCESS: z.coerce.number().int().min(1).max(100_000).default(100),
  // Below about 250 MB pdf.js cannot read an ordinary PDF.
  PARSER_MEMORY_LIMIT_MB: z.coerce.number().int().min(256).max(8192).default(300),

  TASK_RUNNER: z.enum(['child-process', 'ecs']).default('child-process'),
  TASK_COMMAND: z.string().min(1).default('node --snapshot-blob portfolio-task/dist/bundle/builder.blob'),
  TASK_MAX_RUN_SECONDS: seconds(10, 24 * 3600).default(600),
  BUILD_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day (a build must outlive the time its owner takes to preview and publish it)')
    .max(3650, 'must be at most 3650 days')
    .default(30),
  ECS_CLUSTER: z.string().min(1).optional(),
  ECS_TASK_DEFINITION: z.string().min(1).optional(),
  ECS_CONTAINER_NAME: z.string().min(1).optional(),
  ECS_SUBNETS: csv.optional(),
  ECS_SECURITY_GROUPS: csv.optional(),
  ECS_ASSIGN_PUBLIC_IP: bool.default(false),
  // spot-with-fallback: Fargate Spot first, on-demand Fargate when Spot has no capacity.
  ECS_CAPACITY: z.enum(['fargate', 'spot-with-fallback']).default('fargate'),

  SITE_POINTERS: z.enum(['database', 'cloudfront-kvs']).default('database'),
  CLOUDFRONT_KVS_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:cloudfront::\d{12}:key-value-store\/[\w-]+$/, 'must be a KeyValueStore ARN: arn:aws:cloudfront::<account>:key-value-store/<id>')
    .optional(),
  CLOUDFRONT_KVS_ENDPOINT_URL: z.url().optional(),

  // All of STRIPE_* and PLAN_AMOUNT/PLAN_CURRENCY, or none (publishing is then free).
  PAYMENTS: z.enum(['stripe', 'off']).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret or restricted key (sk_test_…, sk_live_…)')
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_test_…, pk_live_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_PRICE_ID: z
    .string()
    .regex(/^price_\w+$/, 'must be a Stripe price id (price_…)')
    .optional(),
  // Tests and local fakes only: Stripe's API at another address (http allowed).
  STRIPE_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PLAN_NAME: z.string().trim().min(1).max(60).default('Publisher'),
  // What the price charges, for display (Stripe's price decides the charge): minor units and an ISO currency.
  PLAN_AMOUNT: z.coerce.number().int().min(1).max(100_000_000).optional(),
  PLAN_CURRENCY: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, 'must be a three-letter ISO currency code, e.g. eur')
    .transform((v) => v.toLowerCase())
    .optional(),
});

// The settings that point at an OpenAI-compatible server; the others have defaults.
const OPENAI_SETTINGS = ['OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_API_KEY'] as const;

// EXTRACTOR, when set, decides, and the other extractors' settings are ignored. Unset, the
// extractor follows from the settings given: ANTHROPIC_API_KEY means Claude, OPENAI_* an
// OpenAI-compatible server, neither the offline extractor; both at once is ambiguous and
// refused rather than guessed, since one of them sends CVs off the machine.
function chosenExtractor(env: Record<string, string | undefined>): ExtractorChoice | 'ambiguous' {
  if (env.EXTRACTOR !== undefined) return env.EXTRACTOR as ExtractorChoice;
  const openai = OPENAI_SETTINGS.some((key) => env[key] !== undefined);
  if (env.ANTHROPIC_API_KEY !== undefined && openai) return 'ambiguous';
  if (env.ANTHROPIC_API_KEY !== undefined) return 'claude';
  return openai ? 'openai-compatible' : 'offline';
}

function extractorProblems(env: Record<string, string | undefined>, need: (key: string, when: string) => void): z.core.$ZodIssue[] {
  const chosen = chosenExtractor(env);
  if (chosen === 'ambiguous') {
    return [
      {
        code: 'custom',
        path: ['EXTRACTOR'],
        message: 'is required when both ANTHROPIC_API_KEY and OPENAI_* settings are set: choose claude or openai-compatible (or offline)',
        input: undefined,
      },
    ];
  }
  if (chosen === 'claude') need('ANTHROPIC_API_KEY', 'EXTRACTOR=claude');
  if (chosen === 'openai-compatible') {
    const given = OPENAI_SETTINGS.filter((key) => env[key] !== undefined);
    const when = env.EXTRACTOR === 'openai-compatible' ? 'EXTRACTOR=openai-compatible' : `${given.join(', ')} is set (or set EXTRACTOR=offline or claude to ignore the OpenAI-compatible settings)`;
    need('OPENAI_BASE_URL', when);
    need('OPENAI_MODEL', when);
  }
  return [];
}

const STRIPE_SETTINGS = ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_ID', 'PLAN_AMOUNT', 'PLAN_CURRENCY'] as const;

// Payments are on when any Stripe setting is given (then every one is needed) or PAYMENTS=stripe;
// PAYMENTS=off turns them off whatever is set. Production must say which.
function paymentProblems(env: Record<string, string | undefined>, need: (key: string, when: string) => void): z.core.$ZodIssue[] {
  if (env.PAYMENTS === 'off') return [];
  const given = STRIPE_SETTINGS.filter((key) => env[key] !== undefined);
  if (given.length > 0 || env.PAYMENTS === 'stripe') {
    for (const key of STRIPE_SETTINGS) need(key, env.PAYMENTS === 'stripe' ? 'PAYMENTS=stripe' : `another payment setting is set (${given.join(', ')}): give all of them or none`);
    return [];
  }
  if (env.NODE_ENV !== 'production') return [];
  return [
    {
      code: 'custom',
      path: ['PAYMENTS'],
      message:
        'NODE_ENV=production needs the Stripe settings (STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_ID, PLAN_AMOUNT, PLAN_CURRENCY), or PAYMENTS=off to let everyone publish free',
      input: undefined,
    },
  ];
}

// Requirements that depend on other variables. They are checked on the raw values, apart
// from the schema, so that one start-up lists every problem at once (zod skips
// refinements when a field already failed).
function conditionalProblems(env: Record<string, string | undefined>): z.core.$ZodIssue[] {
  const problems: z.core.$ZodIssue[] = [];
  const need = (key: string, when: string) => {
    if (env[key] === undefined) problems.push({ code: 'custom', path: [key], message: `is required when ${when}`, input: undefined });
  };
  const storage = env.STORAGE_DRIVER;
  const queue = env.QUEUE_DRIVER;
  const runner = env.TASK_RUNNER;
  for (const { variable, message } of storageEnvProblems(env)) problems.push({ code: 'custom', path: [variable], message, input: undefined });
  if (queue === 'sqs') need('SQS_QUEUE_URL', 'QUEUE_DRIVER=sqs');
  if (runner === 'ecs') {
    for (const key of ['ECS_CLUSTER', 'ECS_TASK_DEFINITION', 'ECS_CONTAINER_NAME', 'ECS_SUBNETS', 'ECS_SECURITY_GROUPS']) need(key, 'TASK_RUNNER=ecs');
  }
  // With STORAGE_DRIVER=s3 the storage check has already asked for it.
  if (storage !== 's3' && (queue === 'sqs' || runner === 'ecs' || env.MAIL_DRIVER === 'ses' || env.CLOUDWATCH_LOG_GROUP !== undefined))
    need('AWS_REGION', 'an AWS driver or CLOUDWATCH_LOG_GROUP is chosen');
  // SES sends only from a verified identity: the local default address would be refused.
  if (env.MAIL_DRIVER === 'ses') need('MAIL_FROM', 'MAIL_DRIVER=ses');
  if (env.CLOUDWATCH_LOG_STREAM !== undefined) need('CLOUDWATCH_LOG_GROUP', 'CLOUDWATCH_LOG_STREAM is set');
  if (env.SITE_POINTERS === 'cloudfront-kvs') need('CLOUDFRONT_KVS_ARN', 'SITE_POINTERS=cloudfront-kvs');
  // A provider is configured by its client id and secret together; half of the pair is a mistake.
  for (const provider of OAUTH_PROVIDER_IDS) {
    const [id, secret] = [`${provider.toUpperCase()}_CLIENT_ID`, `${provider.toUpperCase()}_CLIENT_SECRET`];
    if (env[id] !== undefined) need(secret, `${id} is set`);
    if (env[secret] !== undefined) need(id, `${secret} is set`);
  }
  problems.push(...paymentProblems(env, need));
  problems.push(...extractorProblems(env, need));
  if (env.NODE_ENV === 'production') {
    need('JWT_SECRET', 'NODE_ENV=production');
    // Sessions in memory are invisible to other replicas: production must share them.
    need('REDIS_URL', 'NODE_ENV=production');
    const providers = OAUTH_PROVIDER_IDS.filter((provider) => env[`${provider.toUpperCase()}_CLIENT_ID`] !== undefined);
    // The localhost default would send the provider's answer, or the buyer back from
    // checkout, to the user's own machine.
    const paymentsOn = env.STRIPE_SECRET_KEY !== undefined && env.PAYMENTS !== 'off';
    if (providers.length > 0 || paymentsOn) need('APP_BASE_URL', 'sign-in providers or payments are configured in production');
    for (const provider of providers) {
      const key = `${provider.toUpperCase()}_ISSUER_URL`;
      if (env[key]?.startsWith('http:')) problems.push({ code: 'custom', path: [key], message: 'must be https in production', input: env[key] });
    }
    // "true" trusts the leftmost X-Forwarded-For, which the client writes: every per-address
    // limit could be dodged with a header. Name the hops (1 behind an ALB) or the subnets.
    if (env.TRUST_PROXY === 'true') {
      problems.push({
        code: 'custom',
        path: ['TRUST_PROXY'],
        message: 'must not be "true" in production: it trusts addresses the client writes; give the number of proxies (1 behind one load balancer) or their subnets',
        input: 'true',
      });
    }
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

/** The sign-in providers the API knows (backend/src/routes/auth/oauth/provider-catalog.ts describes each). */
export const OAUTH_PROVIDER_IDS = ['google', 'linkedin'] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDER_IDS)[number];

export interface OAuthProviderSettings {
  id: OAuthProviderId;
  clientId: string;
  clientSecret: string;
  /** Where the discovery document is found (/.well-known/openid-configuration under it). */
  issuer: string;
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}
export type RateLimitName =
  'loginPerIp' | 'loginPerAccount' | 'register' | 'refresh' | 'uploadAnonymous' | 'uploadUser' | 'build' | 'import' | 'photo' | 'passwordResetPerIp' | 'passwordResetPerAccount';

/** Every variable the application reads (.env.example documents each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its default.`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; provider: 'sqlite' | 'postgresql'; migrateOnStart: boolean; connectTimeoutSeconds: number };
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number } | null;
  auth: {
    /** Null when unset outside production: a secret is then generated and kept under DATA_DIR. */
    jwtSecret: string | null;
    accessTokenTtlSeconds: number;
    sessionTtlSeconds: number;
    scryptLog2N: number;
    cookieSecure: boolean;
    /** How long a password reset link works. */
    passwordResetTtlMinutes: number;
  };
  http: { jsonBodyLimit: string; cvJsonBodyLimit: string; trustProxy: boolean | number | string };
  /**
   * Where /metrics is served: on a port of its own (not routed by the load balancer), or on
   * the API's port, behind a bearer token when one is set.
   */
  metrics: { port: number; token: null } | { port: null; token: string | null };
  observability: {
    /** Log lines also sent to this CloudWatch Logs group (the stream defaults to one per process). */
    cloudWatchLogs: { group: string; stream: string | undefined } | null;
    /** X-Ray segments sent to this daemon; null when tracing is off. */
    xray: { daemonAddress: string } | null;
    /** One CloudWatch embedded-metric record on stdout per extraction and build outcome. */
    emf: boolean;
  };
  /** How long a stop may take: in-flight requests, event streams and jobs get this long. */
  shutdownGraceSeconds: number;
  /** Requests per client per window, counted in Redis when configured (shared by replicas), else in memory. */
  rateLimits: Record<RateLimitName, RateLimit>;
  /** Work a user (or an anonymous client) may have in progress at once. */
  quotas: { activeBuildsPerUser: number; pendingExtractionsPerOwner: number };
  sites: { baseUrl: string };
  /** Google and LinkedIn sign-in: only the providers with a client id and secret. */
  oauth: { providers: OAuthProviderSettings[] };
  /** The SPA's built files, served by the API (local mode); null when CloudFront serves them. */
  web: { dir: string | null };
  uploads: { maxBytes: number; anonymousRetentionHours: number; events: { pollMs: number; heartbeatMs: number; maxMs: number } };
  aws: { region: string | undefined; endpoint: string | undefined };
  storage: StorageSettings;
  queue: { visibilityTimeoutSeconds: number; maxReceives: number } & (
    { driver: 'local'; file: string } | { driver: 'sqs'; queueUrl: string; deadLetterQueueUrl?: string; endpoint: string | undefined }
  );
  extraction: {
    /**
     * The model extractor chosen (EXTRACTOR, or the settings given): at most one of the two
     * is set, and the offline extractor is its fallback. Both null: the offline extractor
     * does all the work.
     */
    claude: { apiKey: string; baseURL?: string; model: string; timeoutSeconds: number; maxRetries: number; breakerResetSeconds: number } | null;
    openaiCompatible: OpenAiCompatibleSettings | null;
    textTimeoutSeconds: number;
    /** The offline extractor's limit per CV (it runs in a parser process): its time grows with the document's shape. */
    offlineTimeoutSeconds: number;
    /** The warm parser processes that read uploads (pool size defaults to the worker's concurrency). */
    parsers: { poolSize: number; maxJobsPerProcess: number; memoryLimitMb: number };
  };
  worker: { inProcess: boolean; concurrency: number };
  /**
   * A build still unfinished after this long is stopped and failed, whichever runner runs it.
   * A finished build that no site shows is deleted, files and row, `retentionDays` after it was made.
   */
  builds: { maxRunSeconds: number; retentionDays: number };
  taskRunner:
    | { driver: 'child-process'; command: string[]; logDir: string; maxRunSeconds: number; env: Record<string, string> }
    | {
        driver: 'ecs';
        cluster: string;
        taskDefinition: string;
        containerName: string;
        subnets: string[];
        securityGroups: string[];
        assignPublicIp: boolean;
        capacity: 'fargate' | 'spot-with-fallback';
      };
  /** Where published slugs are looked up: the database (local /sites route) or CloudFront's KeyValueStore. */
  sitePointers: { driver: 'database' } | { driver: 'cloudfront-kvs'; kvsArn: string; endpoint: string | undefined; keyPrefix: string };
  /** Where mail leaves: an outbox folder a developer reads, or Amazon SES. */
  mail: { from: string } & ({ driver: 'outbox'; dir: string } | { driver: 'ses'; configurationSet: string | null });
  /** The SPA's public address (no trailing slash). */
  app: { baseUrl: string };
  /** Null when payments are off: publishing is then free for everyone. */
  payments: PaymentSettings | null;
}

export interface OpenAiCompatibleSettings {
  /** The server's address; /v1/chat/completions is appended unless it already ends in /v1. */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; null for servers that take none (Ollama, llama.cpp). */
  apiKey: string | null;
  /** tools: a forced record_cv tool call; json_schema: response_format, for servers without tools. */
  outputMode: 'tools' | 'json_schema';
  timeoutSeconds: number;
  maxRetries: number;
  breakerResetSeconds: number;
}

export interface PaymentSettings {
  provider: 'stripe';
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  priceId: string;
  /** Another address for Stripe's API (tests); null for Stripe's own. */
  apiBaseUrl: URL | null;
  plan: { name: string; amount: number; currency: string };
}

function paymentSettings(e: Env): PaymentSettings | null {
  if (e.PAYMENTS === 'off' || e.STRIPE_SECRET_KEY === undefined) return null;
  return {
    provider: 'stripe',
    secretKey: e.STRIPE_SECRET_KEY,
    publishableKey: e.STRIPE_PUBLISHABLE_KEY!,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET!,
    priceId: e.STRIPE_PRICE_ID!,
    apiBaseUrl: e.STRIPE_API_BASE_URL ? new URL(e.STRIPE_API_BASE_URL) : null,
    plan: { name: e.PLAN_NAME, amount: e.PLAN_AMOUNT!, currency: e.PLAN_CURRENCY! },
  };
}

// What any program needs from its environment to start (find node, a home, a temporary
// folder) and to reach the network the way this process does (proxies, extra CAs).
const PROCESS_VARIABLES = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'NODE_EXTRA_CA_CERTS'];

function processEnvOf(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(PROCESS_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

function describeIssue(issue: z.core.$ZodIssue, raw: NodeJS.ProcessEnv): string {
  const key = issue.path.join('.');
  const value = raw[key];
  const shown = value === undefined ? 'not set' : /SECRET|PASSWORD|KEY_ID|API_KEY|TOKEN|_URL$/.test(key) ? 'value hidden' : `got "${value}"`;
  return `${key}: ${issue.message} (${shown})`;
}

// Metrics name routes, dependencies and volumes: not for the internet. In production they go
// to their own port (9464, Prometheus's exporter convention) unless a token guards them.
const PRODUCTION_METRICS_PORT = 9464;

function metricsExposure(e: Env): Config['metrics'] {
  if (e.METRICS_PORT !== undefined) return { port: e.METRICS_PORT, token: null };
  if (e.METRICS_TOKEN !== undefined) return { port: null, token: e.METRICS_TOKEN };
  return e.NODE_ENV === 'production' ? { port: PRODUCTION_METRICS_PORT, token: null } : { port: null, token: null };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

// The SPA is part of `npm start`: its build output is found beside the backend unless
// WEB_DIR names another folder or `none` (AWS, where CloudFront serves it).
function webDir(value: string | undefined): string | null {
  if (value === 'none') return null;
  const dir = path.resolve(value ?? path.join(__dirname, '../../../frontend/dist'));
  if (existsSync(path.join(dir, 'index.html'))) return dir;
  if (value !== undefined) throw new ConfigError([`WEB_DIR: ${dir} has no index.html; build the SPA (npm run build) or set WEB_DIR=none`]);
  return null;
}

/** Reads and validates the environment; throws ConfigError listing every bad value. */
export function loadConfig(raw: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most 12-factor tooling.
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...conditionalProblems(present)];
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues.map((issue) => describeIssue(issue, raw)));
  const e = parsed.data;

  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'r2w.db')}`;
  const provider = databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql';
  const command = e.TASK_COMMAND.split(/\s+/).filter(Boolean);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    logLevel: e.LOG_LEVEL,
    database: {
      url: databaseUrl,
      provider,
      // Locally the SQLite file is brought up to date at start; in AWS a one-off
      // migration task (`npm run db:migrate`) runs before the new API version.
      migrateOnStart: e.DB_MIGRATE_ON_START ?? provider === 'sqlite',
      connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
    },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS } : null,
    auth: {
      jwtSecret: e.JWT_SECRET ?? null,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: e.SESSION_TTL_SECONDS,
      scryptLog2N: e.PASSWORD_SCRYPT_LOG2N,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    },
    http: { jsonBodyLimit: e.JSON_BODY_LIMIT, cvJsonBodyLimit: e.CV_JSON_BODY_LIMIT, trustProxy: parseTrustProxy(e.TRUST_PROXY) },
    metrics: metricsExposure(e),
    observability: {
      cloudWatchLogs: e.CLOUDWATCH_LOG_GROUP ? { group: e.CLOUDWATCH_LOG_GROUP, stream: e.CLOUDWATCH_LOG_STREAM } : null,
      xray: e.XRAY_ENABLED ? { daemonAddress: e.AWS_XRAY_DAEMON_ADDRESS ?? '127.0.0.1:2000' } : null,
      emf: e.METRICS_EMF,
    },
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    rateLimits: {
      loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP,
      loginPerAccount: e.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      register: e.RATE_LIMIT_REGISTER,
      refresh: e.RATE_LIMIT_REFRESH,
      uploadAnonymous: e.RATE_LIMIT_UPLOAD_ANONYMOUS,
      uploadUser: e.RATE_LIMIT_UPLOAD_USER,
      build: e.RATE_LIMIT_BUILD,
      import: e.RATE_LIMIT_IMPORT,
      photo: e.RATE_LIMIT_PHOTO,
      passwordResetPerIp: e.RATE_LIMIT_PASSWORD_RESET_PER_IP,
      passwordResetPerAccount: e.RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT,
    },
    mail:
      e.MAIL_DRIVER === 'ses' ? { driver: 'ses', from: e.MAIL_FROM, configurationSet: e.SES_CONFIGURATION_SET ?? null } : { driver: 'outbox', from: e.MAIL_FROM, dir: path.join(dataDir, 'outbox') },
    quotas: { activeBuildsPerUser: e.MAX_ACTIVE_BUILDS_PER_USER, pendingExtractionsPerOwner: e.MAX_PENDING_EXTRACTIONS },
    // Locally the API serves published sites itself; in AWS they are on the CloudFront domain.
    sites: { baseUrl: e.SITES_BASE_URL ?? `http://localhost:${e.PORT}/sites` },
    oauth: {
      providers: [
        ...(e.GOOGLE_CLIENT_ID ? [{ id: 'google' as const, clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET!, issuer: e.GOOGLE_ISSUER_URL }] : []),
        ...(e.LINKEDIN_CLIENT_ID ? [{ id: 'linkedin' as const, clientId: e.LINKEDIN_CLIENT_ID, clientSecret: e.LINKEDIN_CLIENT_SECRET!, issuer: e.LINKEDIN_ISSUER_URL }] : []),
      ],
    },
    web: { dir: webDir(e.WEB_DIR) },
    uploads: {
      maxBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
      anonymousRetentionHours: e.ANONYMOUS_CV_RETENTION_HOURS,
      // Heartbeats keep proxies from closing a quiet stream; a stream ends after 15 minutes
      // and EventSource reconnects by itself.
      events: { pollMs: e.EVENTS_POLL_MS, heartbeatMs: 15_000, maxMs: 15 * 60_000 },
    },
    aws: { region: e.AWS_REGION, endpoint: e.AWS_ENDPOINT_URL },
    storage: storageSettings(e),
    queue: {
      visibilityTimeoutSeconds: e.QUEUE_VISIBILITY_TIMEOUT_SECONDS,
      maxReceives: e.QUEUE_MAX_RECEIVES,
      ...(e.QUEUE_DRIVER === 'sqs'
        ? { driver: 'sqs' as const, queueUrl: e.SQS_QUEUE_URL!, deadLetterQueueUrl: e.SQS_DLQ_URL, endpoint: e.SQS_ENDPOINT_URL ?? e.AWS_ENDPOINT_URL }
        : { driver: 'local' as const, file: path.join(dataDir, 'queue.db') }),
    },
    extraction: {
      claude:
        chosenExtractor(present) === 'claude'
          ? {
              apiKey: e.ANTHROPIC_API_KEY!,
              baseURL: e.ANTHROPIC_BASE_URL,
              model: e.ANTHROPIC_MODEL,
              timeoutSeconds: e.ANTHROPIC_TIMEOUT_SECONDS,
              maxRetries: e.ANTHROPIC_MAX_RETRIES,
              breakerResetSeconds: e.CLAUDE_BREAKER_RESET_SECONDS,
            }
          : null,
      openaiCompatible:
        chosenExtractor(present) === 'openai-compatible'
          ? {
              baseUrl: e.OPENAI_BASE_URL!,
              model: e.OPENAI_MODEL!,
              apiKey: e.OPENAI_API_KEY ?? null,
              outputMode: e.OPENAI_OUTPUT_MODE,
              timeoutSeconds: e.OPENAI_TIMEOUT_SECONDS,
              maxRetries: e.OPENAI_MAX_RETRIES,
              breakerResetSeconds: e.OPENAI_BREAKER_RESET_SECONDS,
            }
          : null,
      textTimeoutSeconds: e.TEXT_EXTRACTION_TIMEOUT_SECONDS,
      offlineTimeoutSeconds: e.OFFLINE_EXTRACTION_TIMEOUT_SECONDS,
      parsers: { poolSize: e.PARSER_POOL_SIZE ?? e.WORKER_CONCURRENCY, maxJobsPerProcess: e.PARSER_MAX_JOBS_PER_PROCESS, memoryLimitMb: e.PARSER_MEMORY_LIMIT_MB },
    },
    // Locally the API process also works the queue, so `npm start` is the whole product;
    // in AWS the worker is its own service.
    worker: { inProcess: e.WORKER_IN_PROCESS ?? e.QUEUE_DRIVER === 'local', concurrency: e.WORKER_CONCURRENCY },
    builds: { maxRunSeconds: e.TASK_MAX_RUN_SECONDS, retentionDays: e.BUILD_RETENTION_DAYS },
    taskRunner:
      e.TASK_RUNNER === 'ecs'
        ? {
            driver: 'ecs',
            cluster: e.ECS_CLUSTER!,
            taskDefinition: e.ECS_TASK_DEFINITION!,
            containerName: e.ECS_CONTAINER_NAME!,
            subnets: e.ECS_SUBNETS!,
            securityGroups: e.ECS_SECURITY_GROUPS!,
            assignPublicIp: e.ECS_ASSIGN_PUBLIC_IP,
            capacity: e.ECS_CAPACITY,
          }
        : // A builder reads its input from storage and writes its site there: it gets the
          // storage settings and nothing else (no database, no API secrets).
          {
            driver: 'child-process',
            command,
            logDir: path.join(dataDir, 'tasks'),
            maxRunSeconds: e.TASK_MAX_RUN_SECONDS,
            env: { ...processEnvOf(present), ...storageEnvOf(present), DATA_DIR: dataDir, NODE_ENV: e.NODE_ENV, LOG_LEVEL: e.LOG_LEVEL },
          },
    // The values name S3 keys, so they carry the same S3_KEY_PREFIX the builds are written under.
    sitePointers:
      e.SITE_POINTERS === 'cloudfront-kvs'
        ? { driver: 'cloudfront-kvs', kvsArn: e.CLOUDFRONT_KVS_ARN!, endpoint: e.CLOUDFRONT_KVS_ENDPOINT_URL ?? e.AWS_ENDPOINT_URL, keyPrefix: e.S3_KEY_PREFIX }
        : { driver: 'database' },
    app: { baseUrl: (e.APP_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '') },
    payments: paymentSettings(e),
  };
}
