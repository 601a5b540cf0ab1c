import { randomUUID } from 'node:crypto';
import { DescribeTasksCommand, ECSClient, RunTaskCommand, StopTaskCommand, type Failure, type RunTaskCommandInput, type RunTaskCommandOutput, type Task } from '@aws-sdk/client-ecs';
import { AppError, DependencyError } from '@r2w/cv-schema';
import { awsClientConfig, instrumented, type AwsConnection } from '@r2w/storage';
import type { TaskRunner, TaskSpec, TaskState, TaskStatus } from './task-runner';

export interface EcsTaskRunnerOptions extends AwsConnection {
  cluster: string;
  /** Family, family:revision or ARN of the builder's task definition. */
  taskDefinition: string;
  /** The container in the task definition that receives TaskSpec.env and whose exit code counts. */
  containerName: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  /**
   * 'spot-with-fallback' starts each build on Fargate Spot (about a third of the price) and,
   * when Spot has no capacity, on on-demand Fargate at once: a build is a user waiting.
   */
  capacity?: 'fargate' | 'spot-with-fallback';
}

const DEPENDENCY = 'task runner';
const PENDING_STATUSES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Throttling']);
// RunTask failures that mean "no capacity right now" rather than a broken configuration.
const TRANSIENT_FAILURE = /^RESOURCE:|capacity|try again|throttl|rate exceeded/i;
const UNKNOWN_TASK_REASON = 'ECS no longer knows this task (it keeps stopped tasks for about an hour)';
const MAX_STARTED_BY = 36;
const MAX_STOP_REASON = 255;

/** ECS allows letters, digits, '-', '_' and '/' in startedBy. */
function sanitiseStartedBy(startedBy: string | undefined): string | undefined {
  const clean = startedBy?.replace(/[^A-Za-z0-9_/-]/g, '-').slice(0, MAX_STARTED_BY);
  return clean || undefined;
}

function stateOf(lastStatus: string | undefined): TaskState {
  if (lastStatus === 'STOPPED') return 'stopped';
  if (lastStatus === undefined || PENDING_STATUSES.has(lastStatus)) return 'pending';
  // RUNNING, and DEACTIVATING to DEPROVISIONING: the container may still be finishing its
  // writes, so the build is not over until ECS says STOPPED.
  return 'running';
}

function isTransient(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  const httpStatus = e.$metadata?.httpStatusCode;
  // No HTTP status at all means ECS was never reached (refused, reset, timed out).
  return httpStatus === undefined || httpStatus >= 500 || httpStatus === 429 || THROTTLING_ERRORS.has(e.name ?? '');
}

function ecsError(operation: string, err: unknown): AppError {
  if (isTransient(err)) return new DependencyError(DEPENDENCY, err);
  const e = err as Error;
  return new AppError('INTERNAL', `ECS ${operation} was refused: ${e.name}: ${e.message}`, undefined, { cause: err });
}

function isCapacityShortage(result: RunTaskCommandOutput): boolean {
  return !result.tasks?.[0]?.taskArn && TRANSIENT_FAILURE.test(result.failures?.[0]?.reason ?? '');
}

function taskOf(result: RunTaskCommandOutput): { taskId: string } {
  const taskArn = result.tasks?.[0]?.taskArn;
  if (taskArn) return { taskId: taskArn };
  const cause = new Error(`ECS RunTask started no task: ${failureText(result.failures)}`);
  if (TRANSIENT_FAILURE.test(result.failures?.[0]?.reason ?? '')) throw new DependencyError(DEPENDENCY, cause);
  throw new AppError('INTERNAL', cause.message, undefined, { cause });
}

function failureText(failures: Failure[] | undefined): string {
  const parts = (failures ?? []).map((f) => [f.reason, f.detail].filter(Boolean).join(': '));
  return parts.join('; ') || 'no task and no failure reason returned';
}

export class EcsTaskRunner implements TaskRunner {
  readonly kind = 'ecs';
  private readonly client: ECSClient;

  constructor(private readonly options: EcsTaskRunnerOptions) {
    this.client = instrumented(options, new ECSClient(awsClientConfig(options, { maxAttempts: 2, requestHandler: { requestTimeout: 5_000 } })));
  }

  async start(spec: TaskSpec): Promise<{ taskId: string }> {
    if (this.options.capacity === 'spot-with-fallback') {
      const spot = await this.runTask(spec, { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
      if (!isCapacityShortage(spot)) return taskOf(spot);
    }
    return taskOf(await this.runTask(spec, { launchType: 'FARGATE' }));
  }

  private async runTask(spec: TaskSpec, capacity: Pick<RunTaskCommandInput, 'launchType' | 'capacityProviderStrategy'>): Promise<RunTaskCommandOutput> {
    const { options } = this;
    const command = new RunTaskCommand({
      cluster: options.cluster,
      taskDefinition: options.taskDefinition,
      ...capacity,
      count: 1,
      // A retried RunTask whose first attempt did reach ECS must not start a second build.
      clientToken: randomUUID(),
      startedBy: sanitiseStartedBy(spec.startedBy),
      propagateTags: 'TASK_DEFINITION',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: options.subnets,
          securityGroups: options.securityGroups,
          assignPublicIp: options.assignPublicIp ? 'ENABLED' : 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [{ name: options.containerName, environment: Object.entries(spec.env).map(([name, value]) => ({ name, value })) }],
      },
    });
    return this.client.send(command).catch((err: unknown) => {
      throw ecsError('RunTask', err);
    });
  }

  async status(taskId: string): Promise<TaskStatus> {
    const result = await this.client.send(new DescribeTasksCommand({ cluster: this.options.cluster, tasks: [taskId] })).catch((err: unknown) => {
      throw ecsError('DescribeTasks', err);
    });
    const task = result.tasks?.[0];
    if (task) return this.toStatus(taskId, task);

    const failures = result.failures ?? [];
    // moto answers an unknown task with neither a task nor a failure; ECS says MISSING.
    if (failures.every((f) => f.reason === 'MISSING')) {
      return { taskId, state: 'stopped', exitCode: null, reason: UNKNOWN_TASK_REASON };
    }
    throw new AppError('INTERNAL', `ECS DescribeTasks failed for ${taskId}: ${failureText(failures)}`);
  }

  // A Fargate build belongs to no API replica: it finishes and records its result even
  // when the replica that started it is replaced.
  async close(): Promise<void> {}

  async stop(taskId: string, reason: string): Promise<void> {
    try {
      await this.client.send(new StopTaskCommand({ cluster: this.options.cluster, task: taskId, reason: reason.slice(0, MAX_STOP_REASON) }));
    } catch (err) {
      // A task ECS has forgotten stopped long ago: stopping it is already done.
      if ((err as Error).name === 'InvalidParameterException' && /not found/i.test((err as Error).message)) return;
      throw ecsError('StopTask', err);
    }
  }

  private toStatus(taskId: string, task: Task): TaskStatus {
    const state = stateOf(task.lastStatus);
    if (state !== 'stopped') return { taskId, state, exitCode: null };
    const container = task.containers?.find((c) => c.name === this.options.containerName);
    const reason = [task.stoppedReason, container?.reason].filter(Boolean).join('; ');
    return { taskId, state, exitCode: container?.exitCode ?? null, ...(reason ? { reason } : {}) };
  }
}
