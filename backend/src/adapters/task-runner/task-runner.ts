// Task runner: starts one-off tasks (a portfolio build) as a child process locally, as
// an ECS RunTask of a task definition in AWS. The task gets where its input is through
// environment variables only; its input, progress and result are objects in storage.
export interface TaskSpec {
  /** Environment given to the task on top of its defaults, e.g. { BUILD_JOB }. */
  env: Record<string, string>;
  /** Shown in ECS as startedBy / in local logs; the request id that started it. */
  startedBy?: string;
}

export type TaskState = 'pending' | 'running' | 'stopped';

export interface TaskStatus {
  taskId: string;
  state: TaskState;
  /** Set once stopped: the process's exit code, null when it was killed or never ran. */
  exitCode: number | null;
  /** Why it stopped, in words, when known (signal, ECS stoppedReason). */
  reason?: string;
}

export interface TaskRunner {
  readonly kind: 'child-process' | 'ecs';
  start(spec: TaskSpec): Promise<{ taskId: string }>;
  /** Unknown task ids (e.g. from before a restart) are reported stopped with a reason. */
  status(taskId: string): Promise<TaskStatus>;
  stop(taskId: string, reason: string): Promise<void>;
  /** The API is stopping: local builders stop with it; ECS tasks run on by themselves. */
  close(): Promise<void>;
}
