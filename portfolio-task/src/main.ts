import { createStorage, StorageEnvSchema, storageEnvProblems, storageSettings } from '@r2w/storage';
import winston from 'winston';
import { z } from 'zod';
import { exitWhenDone, type CodeCacheUse } from './builder';
import { runBuildTask } from './task/run-build-task';

// The builder task, one process (a Fargate task in AWS) per build. Built, it starts at
// builder.ts, which loads this module from a bundle; from source (the tests, development)
// it starts here. Its whole input is BUILD_JOB (the job's prefix in object storage) and
// the storage settings: it holds no database credentials and runs no API code.
// Exits 0 when the build succeeded, 1 when it failed (the reason is in its result), 2 when
// it is misconfigured, 3 when storage failed (no result could be written).

const TaskEnvSchema = StorageEnvSchema.extend({
  BUILD_JOB: z.string().regex(/^builds\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/$/, 'must be a build job prefix, builds/<portfolioId>/<buildId>/'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug', 'silent']).default('info'),
  REQUEST_ID: z.string().max(128).optional(),
  // The X-Amzn-Trace-Id of the request that started the build (set by the API with X-Ray on).
  // The builder carries no X-Ray SDK (a light image): its log lines carry the trace id, so a
  // build's lines are found from its trace in CloudWatch Logs Insights.
  _X_AMZN_TRACE_ID: z
    .string()
    .regex(/(^|;)Root=1-[0-9a-f]{8}-[0-9a-f]{24}(;|$)/, 'must be an X-Ray trace header (Root=1-<8 hex>-<24 hex>;...)')
    .optional(),
});

/** The trace id (Root) of an X-Amzn-Trace-Id header. */
function traceIdOf(header: string | undefined): string | undefined {
  return header?.match(/(?:^|;)Root=([^;]+)/)?.[1];
}

function createTaskLogger(level: string, meta: Record<string, unknown>) {
  return winston.createLogger({
    level: level === 'silent' ? 'error' : level,
    defaultMeta: { service: 'r2w-builder', ...meta },
    format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
    transports: [new winston.transports.Console({ silent: level === 'silent' })],
  });
}

z.config({ jitless: true });
export async function main(raw: NodeJS.ProcessEnv = process.env, startup?: { codeCache: CodeCacheUse }): Promise<number> {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = TaskEnvSchema.safeParse(present);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...storageEnvProblems(present).map((p) => `${p.variable}: ${p.message}`)];
  if (!parsed.success || problems.length > 0) {
    console.error(`The builder is not configured:\n  ${problems.join('\n  ')}`);
    return 2;
  }
  const env = parsed.data;
  const logger = createTaskLogger(env.LOG_LEVEL, { job: env.BUILD_JOB, requestId: env.REQUEST_ID, traceId: traceIdOf(env._X_AMZN_TRACE_ID) });
  if (startup && startup.codeCache !== 'used') {
    logger.warn(`the builder's code cache was ${startup.codeCache}: it compiled from source and started slower (rebuild the image or run npm run build with this Node.js)`);
  }
  try {
    const result = await runBuildTask(env.BUILD_JOB, { storage: createStorage(storageSettings(env)), logger });
    return result.status === 'succeeded' ? 0 : 1;
  } catch (error) {
    logger.error('builder could not finish: storage failed', { err: error instanceof Error ? error.message : String(error) });
    return 3;
  }
}

if (require.main === module) exitWhenDone(main());
