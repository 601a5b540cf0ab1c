import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../../src/config/env';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('runs on the embedded defaults with nothing set', () => {
    const config = loadConfig({});
    const dataDir = path.resolve('./data');
    expect(config.port).toBe(2000);
    expect(config.database).toEqual({ url: `file:${dataDir}/r2w.db`, provider: 'sqlite', migrateOnStart: true, connectTimeoutSeconds: 5 });
    expect(config.redis).toBeNull();
    expect(config.storage).toEqual({ driver: 'local', root: path.join(dataDir, 'storage') });
    expect(config.queue).toMatchObject({ driver: 'local', file: path.join(dataDir, 'queue.db'), maxReceives: 5 });
    expect(config.taskRunner).toMatchObject({ driver: 'child-process', command: ['node', '--snapshot-blob', 'portfolio-task/dist/bundle/builder.blob'] });
    expect(config.auth).toMatchObject({ jwtSecret: null, accessTokenTtlSeconds: 900, sessionTtlSeconds: 604_800, cookieSecure: false });
    expect(config.sitePointers).toEqual({ driver: 'database' });
  });

  it('switches to PostgreSQL, Redis and AWS by environment alone', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app:pw@db:5432/r2w',
      REDIS_URL: 'redis://cache:6379',
      AWS_REGION: 'eu-west-1',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'r2w-files',
      QUEUE_DRIVER: 'sqs',
      SQS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/extract',
      TASK_RUNNER: 'ecs',
      ECS_CLUSTER: 'r2w',
      ECS_TASK_DEFINITION: 'r2w-builder',
      ECS_CONTAINER_NAME: 'builder',
      ECS_SUBNETS: 'subnet-a, subnet-b',
      ECS_SECURITY_GROUPS: 'sg-1',
      S3_KEY_PREFIX: 'prod',
      SITE_POINTERS: 'cloudfront-kvs',
      CLOUDFRONT_KVS_ARN: 'arn:aws:cloudfront::123456789012:key-value-store/a1b2c3d4-5678-90ab-cdef-1234567890ab',
    });
    expect(config.database).toMatchObject({ provider: 'postgresql', migrateOnStart: false });
    expect(config.redis?.url).toBe('redis://cache:6379');
    expect(config.storage).toMatchObject({ driver: 's3', bucket: 'r2w-files', sse: 'AES256' });
    expect(config.queue).toMatchObject({ driver: 'sqs' });
    expect(config.taskRunner).toMatchObject({ driver: 'ecs', subnets: ['subnet-a', 'subnet-b'] });
    expect(config.sitePointers).toEqual({
      driver: 'cloudfront-kvs',
      kvsArn: 'arn:aws:cloudfront::123456789012:key-value-store/a1b2c3d4-5678-90ab-cdef-1234567890ab',
      endpoint: undefined,
      keyPrefix: 'prod',
    });
  });

  it('reaches SQS at its own endpoint when S3 is another emulator, else at AWS_ENDPOINT_URL', () => {
    const aws = { AWS_REGION: 'us-east-1', STORAGE_DRIVER: 's3', S3_BUCKET: 'r2w', AWS_ENDPOINT_URL: 'http://minio:9000', QUEUE_DRIVER: 'sqs', SQS_QUEUE_URL: 'http://sqs:9324/000000000000/r2w' };
    expect(loadConfig({ ...aws, SQS_ENDPOINT_URL: 'http://sqs:9324' }).queue).toMatchObject({ driver: 'sqs', endpoint: 'http://sqs:9324' });
    expect(loadConfig({ ...aws, SQS_ENDPOINT_URL: 'http://sqs:9324' }).storage).toMatchObject({ endpoint: 'http://minio:9000' });
    expect(loadConfig(aws).queue).toMatchObject({ driver: 'sqs', endpoint: 'http://minio:9000' });
    expect(() => loadConfig({ ...aws, SQS_ENDPOINT_URL: 'sqs:9324' })).toThrow(/SQS_ENDPOINT_URL/);
  });

  it('gives a local builder the storage settings and nothing secret', () => {
    const config = loadConfig({
      PATH: '/usr/bin',
      HOME: '/home/r2w',
      DATA_DIR: '/srv/r2w',
      DATABASE_URL: 'postgresql://app:pw@db:5432/r2w',
      JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256-0123456789',
      REDIS_URL: 'redis://cache:6379',
      ANTHROPIC_API_KEY: 'sk-ant-secret',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'r2w-files',
      LOG_LEVEL: 'info',
    });
    if (config.taskRunner.driver !== 'child-process') throw new Error('expected the local task runner');
    expect(config.taskRunner.env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/r2w',
      DATA_DIR: '/srv/r2w',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'r2w-files',
    });
    // On local storage the builder has no use for AWS credentials, so it does not get them.
    const local = loadConfig({ PATH: '/usr/bin', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'aws-secret', AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' });
    if (local.taskRunner.driver !== 'child-process') throw new Error('expected the local task runner');
    expect(Object.keys(local.taskRunner.env).filter((name) => name.startsWith('AWS_'))).toEqual([]);
  });

  it('names every bad value on its own line, hiding secrets', () => {
    const found = problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', JWT_SECRET: 'short', REDIS_URL: 'http://nope' });
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: .* \(got "abc"\)$/),
        expect.stringMatching(/^DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\/ \(PostgreSQL\) \(value hidden\)$/),
        expect.stringMatching(/^LOG_LEVEL: .*\(got "loud"\)$/),
        expect.stringMatching(/^JWT_SECRET: must be at least 32 characters.*\(value hidden\)$/),
        expect.stringMatching(/^REDIS_URL: must start with redis:\/\//),
      ]),
    );
    const message = new ConfigError(found).message;
    expect(message.split('\n')).toHaveLength(7);
  });

  it('requires what each cloud driver needs', () => {
    expect(problems({ STORAGE_DRIVER: 's3' })).toEqual(['S3_BUCKET: is required when STORAGE_DRIVER=s3 (not set)', 'AWS_REGION: is required when an AWS driver is chosen (not set)']);
    expect(problems({ QUEUE_DRIVER: 'sqs', AWS_REGION: 'eu-west-1' })).toEqual(['SQS_QUEUE_URL: is required when QUEUE_DRIVER=sqs (not set)']);
    expect(problems({ TASK_RUNNER: 'ecs', AWS_REGION: 'eu-west-1' })).toHaveLength(5);
    expect(problems({ SITE_POINTERS: 'cloudfront-kvs' })).toEqual(['CLOUDFRONT_KVS_ARN: is required when SITE_POINTERS=cloudfront-kvs (not set)']);
    expect(problems({ SITE_POINTERS: 'cloudfront-kvs', CLOUDFRONT_KVS_ARN: 'arn:aws:s3:::bucket' })).toEqual([expect.stringMatching(/^CLOUDFRONT_KVS_ARN: must be a KeyValueStore ARN/)]);
    expect(problems({ STORAGE_DRIVER: 'gcs' })[0]).toMatch(/^STORAGE_DRIVER: .*"local".*"s3".*\(got "gcs"\)$/);
  });

  it('sends mail to the outbox under DATA_DIR by default, and with SES from a named sender', () => {
    expect(loadConfig({ DATA_DIR: '/srv/r2w' }).mail).toEqual({ driver: 'outbox', from: 'Resume2Website <no-reply@localhost>', dir: '/srv/r2w/outbox' });
    expect(problems({ MAIL_DRIVER: 'ses' })).toEqual([
      'AWS_REGION: is required when an AWS driver or CLOUDWATCH_LOG_GROUP is chosen (not set)',
      'MAIL_FROM: is required when MAIL_DRIVER=ses (not set)',
    ]);
    expect(problems({ MAIL_DRIVER: 'smtp' })[0]).toMatch(/^MAIL_DRIVER: .*\(got "smtp"\)$/);
    expect(problems({ MAIL_FROM: 'not an address' })[0]).toMatch(/^MAIL_FROM: must be an address/);
    expect(problems({ PASSWORD_RESET_TTL_MINUTES: '1' })[0]).toMatch(/^PASSWORD_RESET_TTL_MINUTES: /);
    const ses = loadConfig({ MAIL_DRIVER: 'ses', AWS_REGION: 'eu-west-1', MAIL_FROM: 'Resume2Website <hello@example.com>', SES_CONFIGURATION_SET: 'r2w' });
    expect(ses.mail).toEqual({ driver: 'ses', from: 'Resume2Website <hello@example.com>', configurationSet: 'r2w' });
  });

  it('refuses in-memory sessions and a generated secret in production', () => {
    expect(problems({ NODE_ENV: 'production', PAYMENTS: 'off' })).toEqual(['JWT_SECRET: is required when NODE_ENV=production (not set)', 'REDIS_URL: is required when NODE_ENV=production (not set)']);
  });

  it('keeps /metrics off the API port in production unless a token guards it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'redis://127.0.0.1:6379', PAYMENTS: 'off' };
    expect(loadConfig(production).metrics).toEqual({ port: 9464, token: null });
    expect(loadConfig({ ...production, METRICS_PORT: '9100' }).metrics).toEqual({ port: 9100, token: null });
    expect(loadConfig({ ...production, METRICS_TOKEN: 't'.repeat(20) }).metrics).toEqual({ port: null, token: 't'.repeat(20) });
    expect(loadConfig({}).metrics).toEqual({ port: null, token: null });
    expect(problems({ METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN: must be at least 16 characters/)]);
  });

  it('refuses TRUST_PROXY=true in production, where clients could choose their own address', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'redis://127.0.0.1:6379', PAYMENTS: 'off' };
    expect(problems({ ...production, TRUST_PROXY: 'true' })).toEqual([expect.stringMatching(/^TRUST_PROXY: must not be "true" in production/)]);
    expect(loadConfig({ ...production, TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
  });

  it('keeps unpublished builds 30 days unless told otherwise, and says what a bad retention must be', () => {
    expect(loadConfig({}).builds.retentionDays).toBe(30);
    expect(loadConfig({ BUILD_RETENTION_DAYS: '7' }).builds.retentionDays).toBe(7);
    expect(problems({ BUILD_RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^BUILD_RETENTION_DAYS: must be at least 1 day .*\(got "0"\)$/)]);
    expect(problems({ BUILD_RETENTION_DAYS: '1.5' })).toEqual([expect.stringMatching(/^BUILD_RETENTION_DAYS: must be a whole number of days \(got "1.5"\)$/)]);
    expect(problems({ BUILD_RETENTION_DAYS: 'month' })).toEqual([expect.stringMatching(/^BUILD_RETENTION_DAYS: must be a whole number of days \(got "month"\)$/)]);
  });

  it('configures a sign-in provider only with its client id and secret together', () => {
    expect(loadConfig({}).oauth).toEqual({ providers: [] });
    expect(loadConfig({}).app.baseUrl).toBe('http://localhost:2000');
    const google = loadConfig({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's', APP_BASE_URL: 'https://app.example.com/' });
    expect(google.app.baseUrl).toBe('https://app.example.com');
    expect(google.oauth).toEqual({
      providers: [{ id: 'google', clientId: 'id', clientSecret: 's', issuer: 'https://accounts.google.com' }],
    });
    expect(problems({ GOOGLE_CLIENT_ID: 'id' })).toEqual(['GOOGLE_CLIENT_SECRET: is required when GOOGLE_CLIENT_ID is set (not set)']);
    expect(problems({ LINKEDIN_CLIENT_SECRET: 's' })).toEqual(['LINKEDIN_CLIENT_ID: is required when LINKEDIN_CLIENT_SECRET is set (not set)']);
    expect(problems({ APP_BASE_URL: 'https://app.example.com/app' })).toEqual([expect.stringMatching(/^APP_BASE_URL: must be an origin only/)]);
    expect(problems({ GOOGLE_ISSUER_URL: 'accounts.google.com' })).toEqual([expect.stringMatching(/^GOOGLE_ISSUER_URL: /)]);
  });

  it('needs the public address and https issuers for sign-in providers in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'redis://127.0.0.1:6379', PAYMENTS: 'off' };
    const google = { GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's' };
    expect(problems({ ...production, ...google, GOOGLE_ISSUER_URL: 'http://127.0.0.1:9999' })).toEqual([
      'APP_BASE_URL: is required when sign-in providers or payments are configured in production (not set)',
      'GOOGLE_ISSUER_URL: must be https in production (value hidden)',
    ]);
    expect(loadConfig({ ...production, ...google, APP_BASE_URL: 'https://app.example.com' }).oauth.providers).toHaveLength(1);
  });

  it('turns on CloudWatch Logs, X-Ray and embedded metrics by environment, and refuses bad values clearly', () => {
    expect(loadConfig({}).observability).toEqual({ cloudWatchLogs: null, xray: null, emf: false });
    const on = loadConfig({ AWS_REGION: 'eu-west-1', CLOUDWATCH_LOG_GROUP: '/r2w/api', CLOUDWATCH_LOG_STREAM: 'api-1', XRAY_ENABLED: 'true', METRICS_EMF: 'true' });
    expect(on.observability).toEqual({ cloudWatchLogs: { group: '/r2w/api', stream: 'api-1' }, xray: { daemonAddress: '127.0.0.1:2000' }, emf: true });
    expect(loadConfig({ XRAY_ENABLED: 'true', AWS_XRAY_DAEMON_ADDRESS: 'udp:10.0.0.2:2000 tcp:10.0.0.2:2001' }).observability.xray).toEqual({ daemonAddress: 'udp:10.0.0.2:2000 tcp:10.0.0.2:2001' });
    expect(problems({ CLOUDWATCH_LOG_GROUP: 'bad group name!', CLOUDWATCH_LOG_STREAM: 'a:b', AWS_XRAY_DAEMON_ADDRESS: 'localhost', XRAY_ENABLED: 'yes' })).toEqual([
      expect.stringMatching(/^CLOUDWATCH_LOG_GROUP: must be a CloudWatch Logs group name/),
      expect.stringMatching(/^CLOUDWATCH_LOG_STREAM: must be a CloudWatch Logs stream name.*without : or \*/),
      expect.stringMatching(/^XRAY_ENABLED: /),
      expect.stringMatching(/^AWS_XRAY_DAEMON_ADDRESS: must be host:port/),
      'AWS_REGION: is required when an AWS driver or CLOUDWATCH_LOG_GROUP is chosen (not set)',
    ]);
    expect(problems({ CLOUDWATCH_LOG_STREAM: 'api-1' })).toEqual(['CLOUDWATCH_LOG_GROUP: is required when CLOUDWATCH_LOG_STREAM is set (not set)']);
  });

  it('takes the Stripe settings all together or not at all, and insists on them (or PAYMENTS=off) in production', () => {
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      STRIPE_PRICE_ID: 'price_abc123',
      PLAN_AMOUNT: '900',
      PLAN_CURRENCY: 'EUR',
    };
    expect(loadConfig({}).payments).toBeNull();
    expect(loadConfig(stripe).payments).toEqual({
      provider: 'stripe',
      secretKey: 'sk_test_abc123',
      publishableKey: 'pk_test_abc123',
      webhookSecret: 'whsec_abc123',
      priceId: 'price_abc123',
      apiBaseUrl: null,
      plan: { name: 'Publisher', amount: 900, currency: 'eur' },
    });
    expect(loadConfig({ ...stripe, PAYMENTS: 'off' }).payments).toBeNull();
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_abc123' })).toHaveLength(5);
    expect(problems({ STRIPE_SECRET_KEY: 'sk_test_abc123' })[0]).toMatch(/^STRIPE_PUBLISHABLE_KEY: is required when another payment setting is set \(STRIPE_SECRET_KEY\)/);
    expect(problems({ ...stripe, STRIPE_WEBHOOK_SECRET: 'abc' })).toEqual([expect.stringMatching(/^STRIPE_WEBHOOK_SECRET: must be a webhook signing secret .*\(value hidden\)$/)]);
    expect(problems({ PAYMENTS: 'stripe' })).toHaveLength(6);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(problems(production)).toEqual([expect.stringMatching(/^PAYMENTS: NODE_ENV=production needs the Stripe settings .* or PAYMENTS=off/)]);
    expect(problems({ ...production, ...stripe })).toEqual(['APP_BASE_URL: is required when sign-in providers or payments are configured in production (not set)']);
    expect(loadConfig({ ...production, ...stripe, APP_BASE_URL: 'https://app.example.com' }).payments?.priceId).toBe('price_abc123');
  });

  it('never prints a rejected key or token back', () => {
    expect(problems({ ANTHROPIC_API_KEY: 'sk-a', METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN: must be at least 16 characters (value hidden)',
      'ANTHROPIC_API_KEY: does not look like an Anthropic API key (value hidden)',
    ]);
  });

  describe('the extractor', () => {
    const claudeKey = { ANTHROPIC_API_KEY: 'sk-ant-0123456789' };
    const ollama = { OPENAI_BASE_URL: 'http://127.0.0.1:11434', OPENAI_MODEL: 'qwen2.5:7b-instruct' };
    const chosen = (env: NodeJS.ProcessEnv) => {
      const { claude, openaiCompatible } = loadConfig(env).extraction;
      return claude ? `claude ${claude.model}` : openaiCompatible ? `openai-compatible ${openaiCompatible.model}` : 'offline';
    };

    it('follows from the settings given when EXTRACTOR is unset', () => {
      expect(chosen({})).toBe('offline');
      expect(chosen(claudeKey)).toBe('claude claude-opus-4-1-20250805');
      expect(loadConfig(ollama).extraction.openaiCompatible).toEqual({
        baseUrl: 'http://127.0.0.1:11434',
        model: 'qwen2.5:7b-instruct',
        apiKey: null,
        outputMode: 'tools',
        timeoutSeconds: 300,
        maxRetries: 2,
        breakerResetSeconds: 60,
      });
      expect(loadConfig(ollama).extraction.claude).toBeNull();
    });

    it("is what EXTRACTOR says when set, the other extractors' settings ignored", () => {
      expect(chosen({ ...claudeKey, ...ollama, EXTRACTOR: 'openai-compatible' })).toBe('openai-compatible qwen2.5:7b-instruct');
      expect(chosen({ ...claudeKey, ...ollama, EXTRACTOR: 'claude' })).toBe('claude claude-opus-4-1-20250805');
      expect(chosen({ ...claudeKey, ...ollama, EXTRACTOR: 'offline' })).toBe('offline');
      const vllm = loadConfig({
        EXTRACTOR: 'openai-compatible',
        OPENAI_BASE_URL: 'https://gpu.example.org/v1',
        OPENAI_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
        OPENAI_API_KEY: 'vllm-key',
        OPENAI_OUTPUT_MODE: 'json_schema',
        OPENAI_TIMEOUT_SECONDS: '600',
        OPENAI_MAX_RETRIES: '0',
        OPENAI_BREAKER_RESET_SECONDS: '30',
      });
      expect(vllm.extraction.openaiCompatible).toEqual({
        baseUrl: 'https://gpu.example.org/v1',
        model: 'Qwen/Qwen2.5-7B-Instruct',
        apiKey: 'vllm-key',
        outputMode: 'json_schema',
        timeoutSeconds: 600,
        maxRetries: 0,
        breakerResetSeconds: 30,
      });
    });

    it('refuses, at start-up and saying what to set, a choice without its settings, half an endpoint, or two model extractors at once', () => {
      expect(problems({ EXTRACTOR: 'claude' })).toEqual(['ANTHROPIC_API_KEY: is required when EXTRACTOR=claude (not set)']);
      expect(problems({ EXTRACTOR: 'openai-compatible' })).toEqual([
        'OPENAI_BASE_URL: is required when EXTRACTOR=openai-compatible (not set)',
        'OPENAI_MODEL: is required when EXTRACTOR=openai-compatible (not set)',
      ]);
      expect(problems({ OPENAI_BASE_URL: 'http://127.0.0.1:11434' })).toEqual([
        'OPENAI_MODEL: is required when OPENAI_BASE_URL is set (or set EXTRACTOR=offline or claude to ignore the OpenAI-compatible settings) (not set)',
      ]);
      expect(problems({ OPENAI_API_KEY: 'sk-for-another-tool' })).toEqual([
        'OPENAI_BASE_URL: is required when OPENAI_API_KEY is set (or set EXTRACTOR=offline or claude to ignore the OpenAI-compatible settings) (not set)',
        'OPENAI_MODEL: is required when OPENAI_API_KEY is set (or set EXTRACTOR=offline or claude to ignore the OpenAI-compatible settings) (not set)',
      ]);
      expect(problems({ ...claudeKey, ...ollama })).toEqual([
        'EXTRACTOR: is required when both ANTHROPIC_API_KEY and OPENAI_* settings are set: choose claude or openai-compatible (or offline) (not set)',
      ]);
      expect(problems({ EXTRACTOR: 'gpt' })[0]).toMatch(/^EXTRACTOR: .*"offline".*"claude".*"openai-compatible".*\(got "gpt"\)$/);
      expect(problems({ ...ollama, OPENAI_BASE_URL: 'localhost:11434', OPENAI_OUTPUT_MODE: 'grammar', OPENAI_TIMEOUT_SECONDS: '1' })).toEqual([
        expect.stringMatching(/^OPENAI_BASE_URL: .*\(value hidden\)$/),
        expect.stringMatching(/^OPENAI_OUTPUT_MODE: .*"tools".*"json_schema".*\(got "grammar"\)$/),
        expect.stringMatching(/^OPENAI_TIMEOUT_SECONDS: .*\(got "1"\)$/),
      ]);
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' }).port).toBe(2000);
  });
});

describe('.env.example', () => {
  it('documents every variable the application reads, and no others', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
    // The defaults written there are accepted as they stand.
    const values = Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => loadConfig(values)).not.toThrow();
    // The builder's command as the API runs it by default: a stale one fails every build.
    const commandOf = ({ taskRunner }: ReturnType<typeof loadConfig>) => (taskRunner.driver === 'child-process' ? taskRunner.command : null);
    expect(commandOf(loadConfig(values))).toEqual(commandOf(loadConfig({})));
  });
});
