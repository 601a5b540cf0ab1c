import { copyFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import winston from 'winston';
import type { Express } from 'express';
import { buildApp } from '../../src/app';
import { ENV_VARIABLES, loadConfig, type Config } from '../../src/config/env';
import { createContainer, type Container } from '../../src/container';
import { configuredLogTransports, flushLogs } from '../../src/observability/cloudwatch-logs';
import { createLogger } from '../../src/observability/logger';
import { checkedAgainstContract } from './contract-check';
import { builtFile } from './built-product';
import { postgresUrlFor, repoRoot } from './databases';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export { REDIS_URL } from './services';

/** The database of the jest project running this file: a fresh SQLite copy or the run's PostgreSQL database. */
export function testDatabaseUrl(provider = process.env.R2W_TEST_PROVIDER ?? 'sqlite'): string {
  if (provider === 'postgresql') return postgresUrlFor(required('R2W_TEST_POSTGRES_DB'));
  const dir = mkdtempSync(path.join(required('R2W_TEST_DIR'), 'db-'));
  const file = path.join(dir, 'r2w.db');
  copyFileSync(required('R2W_TEST_SQLITE_TEMPLATE'), file);
  return `file:${file}`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its global set-up creates the databases)`);
  return value;
}

export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const dataDir = mkdtempSync(path.join(required('R2W_TEST_DIR'), 'data-'));
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    PASSWORD_SCRYPT_LOG2N: '14',
    LOG_LEVEL: 'silent',
    REDIS_KEY_PREFIX: `r2w-test-${process.pid}-${Date.now()}:`,
    // Builders run as the API's child processes from the builder's start-up snapshot, as in its image.
    TASK_COMMAND: `node --snapshot-blob ${path.relative(repoRoot, builtFile('portfolio-task/dist/bundle/builder.blob'))}`,
    // Whether the SPA happens to be built must not change API answers; web-app.test.ts serves one.
    WEB_DIR: 'none',
    // Every test file signs up and uploads from one address; rate-limits.test.ts sets the
    // limits it tests.
    ...Object.fromEntries(ENV_VARIABLES.filter((name) => name.startsWith('RATE_LIMIT_')).map((name) => [name, '100000/1h'])),
    MAX_ACTIVE_BUILDS_PER_USER: '100',
    MAX_PENDING_EXTRACTIONS: '1000',
    ...extra,
  };
}

export interface TestApp {
  /** The API, each of its responses checked against the API contract (contract-check.ts). */
  app: Express;
  container: Container;
  config: Config;
  /** JSON log lines written while the app ran. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** `configure` may change what the environment cannot express (e.g. an hour-long poll interval). */
export function createTestApp(extraEnv: Record<string, string | undefined> = {}, configure: (config: Config) => void = () => undefined): TestApp {
  const config = loadConfig(testEnv(extraEnv));
  configure(config);
  const logs: Record<string, unknown>[] = [];
  const capture = new winston.transports.Stream({
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  });
  // Everything at debug level goes to the capture, and to CloudWatch Logs when the test
  // configures it; nothing to the console.
  const logger = createLogger({ level: 'silent', service: 'r2w-api', transports: [capture, ...configuredLogTransports(config, 'r2w-api')] });
  logger.level = 'debug';
  const container = createContainer(config, { logger });
  return {
    app: checkedAgainstContract(buildApp(container)),
    container,
    config,
    logs,
    close: async () => {
      await container.close();
      await flushLogs(logger);
    },
  };
}
