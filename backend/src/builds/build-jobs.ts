import { NotFoundError } from '@r2w/cv-schema';
import { BuildProgressSchema, BuildResultSchema, buildJobKeys, buildJobPrefix, siteFilesPrefix, type BuildInput, type BuildResult } from '@r2w/portfolio-task/build-job';
import { readObjectText, type ObjectStorage } from '@r2w/storage';
import type { z } from 'zod';
import type { TaskRunner } from '../adapters/task-runner/task-runner';
import type { Database } from '../db/database';
import { bestEffort } from '../lib/best-effort';
import { writeBuildImages } from './build-images';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { BuildOutcome } from '../observability/emf';
import type { Tracing } from '../observability/tracing';

// The API's side of a build job (portfolio-task/src/task/build-job.ts): it writes the
// job's input and starts a builder task, and it learns how the job went from the objects
// the task writes (progress, then the result, last) and, for a task that died without a
// result, from the task runner. The build row is brought up to date whenever it is read.

export interface BuildJobDeps {
  db: Database;
  storage: ObjectStorage;
  taskRunner: TaskRunner;
  metrics: Metrics;
  logger: Logger;
  /** Carries the trace into the builder's environment (X-Ray on); absent, builds start untraced. */
  tracing?: Pick<Tracing, 'traceHeader'>;
  /** A build still unfinished after this long is stopped and failed (a hung task holds a place otherwise). */
  maxBuildSeconds: number;
}

export type BuildRow = NonNullable<Awaited<ReturnType<Database['build']['findUnique']>>>;

export const IN_PROGRESS = ['queued', 'running'];
// A job that has not reported for this long is asked about (dead-task check).
const QUIET_SECONDS = 5;
// No task after a minute: the API stopped between recording the build and starting its task.
const NEVER_STARTED_SECONDS = 60;

export function isInProgress(build: Pick<BuildRow, 'status'>): boolean {
  return IN_PROGRESS.includes(build.status);
}

/** Writes the job's images and input, then starts its task; the build row gets the task's id. */
export async function startBuildJob(deps: BuildJobDeps, input: Omit<BuildInput, 'images'>, source: { photoKey: string | null }, requestId: string): Promise<void> {
  const prefix = buildJobPrefix(input.portfolioId, input.buildId);
  let taskId: string;
  try {
    const images = await writeBuildImages(deps.storage, input, source.photoKey);
    await deps.storage.put(buildJobKeys(prefix).input, JSON.stringify({ ...input, images } satisfies BuildInput), { contentType: 'application/json' });
    // The X-Ray SDK's own variable: the builder logs the trace id with every line.
    const trace = deps.tracing?.traceHeader();
    ({ taskId } = await deps.taskRunner.start({ env: { BUILD_JOB: prefix, REQUEST_ID: requestId, ...(trace ? { _X_AMZN_TRACE_ID: trace } : {}) }, startedBy: requestId }));
  } catch (error) {
    // The input holds a copy of the CV, the images its photo: no task will ever read them.
    await removeJobObjects(deps, input, { site: false });
    throw error;
  }
  await deps.db.build.update({ where: { id: input.buildId }, data: { taskId } });
}

/** The job's own objects (the input holds a copy of the CV), and with `site` the files of a build that did not succeed. */
async function removeJobObjects(deps: Pick<BuildJobDeps, 'storage' | 'logger'>, build: { portfolioId: string; buildId: string }, { site }: { site: boolean }): Promise<void> {
  const prefixes = [buildJobPrefix(build.portfolioId, build.buildId), ...(site ? [siteFilesPrefix(build.portfolioId, build.buildId)] : [])];
  await bestEffort(
    prefixes.map((prefix) => deps.storage.deletePrefix(prefix)),
    deps.logger,
    'build job objects not deleted',
    { buildId: build.buildId },
  );
}

/** The object at `key` read with `schema`; null when it is not there yet. */
async function readJob<T extends z.ZodType>(storage: ObjectStorage, key: string, schema: T): Promise<z.infer<T> | null | 'unreadable'> {
  let text: string;
  try {
    text = await readObjectText(storage, key);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Brings an in-progress build's row up to date with its job; a finished build is returned as it is. */
export async function settleBuild(deps: BuildJobDeps, build: BuildRow): Promise<BuildRow> {
  if (!isInProgress(build)) return build;
  const keys = buildJobKeys(buildJobPrefix(build.portfolioId, build.id));
  const result = await readJob(deps.storage, keys.result, BuildResultSchema);
  if (result) return recordResult(deps, build, result);

  const progress = await readJob(deps.storage, keys.progress, BuildProgressSchema);
  let lastHeard = build.updatedAt.getTime();
  if (progress && progress !== 'unreadable') {
    lastHeard = Math.max(lastHeard, Date.parse(progress.at));
    if (build.status === 'queued' || progress.progress !== build.progress) {
      await deps.db.build.updateMany({
        where: { id: build.id, status: { in: IN_PROGRESS } },
        data: { status: 'running', progress: progress.progress, progressMessage: progress.message, startedAt: build.startedAt ?? new Date(progress.at) },
      });
      return deps.db.build.findUniqueOrThrow({ where: { id: build.id } });
    }
  }
  return noticeDeadTask(deps, build, keys, lastHeard);
}

/**
 * A builder that died (crash, OOM, a Fargate task stopped, a restart of the local API)
 * cannot say so itself: when its job has been quiet for a while, ask the task runner.
 */
async function noticeDeadTask(deps: BuildJobDeps, build: BuildRow, keys: ReturnType<typeof buildJobKeys>, lastHeard: number): Promise<BuildRow> {
  const quietMs = Date.now() - lastHeard;
  if (quietMs < QUIET_SECONDS * 1000) return build;
  if (!build.taskId && quietMs < NEVER_STARTED_SECONDS * 1000) return build;
  const task = build.taskId ? await deps.taskRunner.status(build.taskId) : { state: 'stopped' as const, exitCode: null, reason: 'no builder was started for it' };
  if (task.state !== 'stopped') {
    if (Date.now() - build.createdAt.getTime() < deps.maxBuildSeconds * 1000) return build;
    // Hung (a stalled storage call, a task that never got going): it would hold a place for ever.
    await deps.taskRunner.stop(build.taskId!, `the build ran longer than ${deps.maxBuildSeconds} s`);
    return failBuild(deps, build, 'BUILD_TIMED_OUT', `The build took too long and was stopped. Please build again.`, { outcome: 'timed_out' });
  }
  // The result is written before the task exits: one written since the first look wins.
  const result = await readJob(deps.storage, keys.result, BuildResultSchema);
  if (result) return recordResult(deps, build, result);
  const message = `The builder stopped before finishing${task.reason ? ` (${task.reason})` : ''}. Please build again.`;
  return failBuild(deps, build, 'BUILDER_DIED', message, { outcome: 'died', exitCode: task.exitCode, reason: task.reason });
}

/** A build's end in both metrics: the counter, and the CloudWatch record timed from its request. */
function countBuildEnd(deps: Pick<BuildJobDeps, 'metrics'>, build: BuildRow, outcome: BuildOutcome): void {
  deps.metrics.builds.inc({ outcome });
  deps.metrics.outcomes.build(outcome, Date.now() - build.createdAt.getTime());
}

async function failBuild(deps: BuildJobDeps, build: BuildRow, code: string, message: string, log: { outcome: BuildOutcome } & Record<string, unknown>): Promise<BuildRow> {
  const ended = await endBuild(deps, build, { status: 'failed', progress: 100, errorCode: code, errorMessage: message, progressMessage: message, finishedAt: new Date() });
  if (ended) {
    countBuildEnd(deps, build, log.outcome);
    deps.logger.warn('build failed without a result', { buildId: build.id, code, ...log });
    // Whatever the task got written stays out of sight for ever otherwise.
    await removeJobObjects(deps, { portfolioId: build.portfolioId, buildId: build.id }, { site: true });
  }
  return deps.db.build.findUniqueOrThrow({ where: { id: build.id } });
}

async function recordResult(deps: BuildJobDeps, build: BuildRow, result: BuildResult | 'unreadable'): Promise<BuildRow> {
  const ended = await endBuild(
    deps,
    build,
    result === 'unreadable'
      ? {
          status: 'failed',
          progress: 100,
          errorCode: 'BUILD_FAILED',
          errorMessage: 'The builder left a result that cannot be read. Please build again.',
          progressMessage: 'The build failed',
          finishedAt: new Date(),
        }
      : {
          status: result.status,
          progress: 100,
          startedAt: new Date(result.startedAt),
          finishedAt: new Date(result.finishedAt),
          ...(result.status === 'succeeded'
            ? { progressMessage: 'Your site is built', fileCount: result.fileCount, totalBytes: result.totalBytes }
            : { progressMessage: result.message, errorCode: result.code, errorMessage: result.message }),
        },
  );
  if (ended) {
    const outcome = result === 'unreadable' ? 'failed' : result.status;
    countBuildEnd(deps, build, outcome);
    deps.logger.info('build finished', { buildId: build.id, outcome, ...(result !== 'unreadable' && result.status === 'failed' ? { code: result.code } : {}) });
    // The input holds a copy of the CV: it goes once the build's end is on record.
    await removeJobObjects(deps, { portfolioId: build.portfolioId, buildId: build.id }, { site: outcome !== 'succeeded' });
  }
  return deps.db.build.findUniqueOrThrow({ where: { id: build.id } });
}

/** Conditional on the build still being in progress, so two readers settling it at once record it once. */
async function endBuild(deps: BuildJobDeps, build: BuildRow, data: Parameters<Database['build']['updateMany']>[0]['data']): Promise<boolean> {
  const { count } = await deps.db.build.updateMany({ where: { id: build.id, status: { in: IN_PROGRESS } }, data });
  return count === 1;
}

/**
 * Follows the builds this process started until each has ended, so that a build's row,
 * logs and metrics record its end when it happens rather than when someone next looks.
 * Reads still settle a build themselves: after a restart, or on another replica, nobody
 * is watching it.
 */
export class BuildWatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly deps: BuildJobDeps,
    private readonly pollMs = 1000,
  ) {}

  watch(buildId: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.check(buildId);
    }, this.pollMs);
    // A build being watched does not keep the process alive.
    timer.unref();
    this.timers.add(timer);
  }

  private async check(buildId: string): Promise<void> {
    try {
      const build = await this.deps.db.build.findUnique({ where: { id: buildId } });
      if (!build || !isInProgress(await settleBuild(this.deps, build))) return;
    } catch (error) {
      // The database or storage is away for now: the next look, or a read, settles it.
      this.deps.logger.warn('build not checked', { buildId, err: error instanceof Error ? error.message : String(error) });
    }
    if (!this.closed) this.watch(buildId);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
