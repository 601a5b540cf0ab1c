import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@r2w/cv-schema';
import type { TaskRunner, TaskSpec, TaskStatus } from './task-runner';

export interface ChildProcessTaskRunnerOptions {
  /** Program and arguments, run without a shell. */
  command: string[];
  cwd?: string;
  /** Each task's stdout and stderr go to `<logDir>/<taskId>.log`. */
  logDir: string;
  /** The task's environment before TaskSpec.env is added; process.env when absent. */
  baseEnv?: Record<string, string>;
  /** A task still running after this long is stopped. */
  maxRunSeconds?: number;
  /** How long a stopped task gets to exit after SIGTERM before SIGKILL. */
  killGraceSeconds?: number;
  /** How many finished tasks status() remembers; older ones are reported unknown. */
  keepFinishedTasks?: number;
}

interface LiveTask {
  child: ChildProcess;
  /** Settles once the exit has been recorded in `finished`. */
  done: Promise<void>;
  /** Set when we asked the task to stop, and why. */
  stopReason?: string;
  killTimer?: NodeJS.Timeout;
  deadline?: NodeJS.Timeout;
}

const UNKNOWN_TASK_REASON = 'unknown task (the runner was restarted)';
const SHUTDOWN_REASON = 'the API is shutting down';

// Children stay attached to the API (same process group), but a child outlives its parent
// unless killed, so children still alive when the API process exits are killed on the way
// out. A signal that ends the API without running 'exit' handlers skips this, which is why
// the server also calls stopAll() on shutdown.
const liveChildren = new Set<ChildProcess>();
let killOnExitInstalled = false;

function killOnProcessExit(child: ChildProcess): void {
  liveChildren.add(child);
  if (killOnExitInstalled) return;
  killOnExitInstalled = true;
  process.once('exit', () => {
    for (const c of liveChildren) c.kill('SIGKILL');
  });
}

function describeExit(stopReason: string | undefined, code: number | null, signal: NodeJS.Signals | null): string | undefined {
  const how = signal ? `killed by ${signal}` : code === 0 ? undefined : `exited with code ${code}`;
  if (stopReason === undefined) return how;
  return how ? `${stopReason} (${how})` : stopReason;
}

/** Resolves once the child is running; rejects when it could not be started (ENOENT, EACCES). */
function spawned(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve());
    // Kept for the child's lifetime (rejecting a settled promise does nothing): a later
    // 'error' (a failed kill) would otherwise be unhandled and crash the API; the exit
    // event still reports how the task ended.
    child.on('error', reject);
  });
}

export class ChildProcessTaskRunner implements TaskRunner {
  readonly kind = 'child-process';
  private readonly file: string;
  private readonly args: string[];
  private readonly running = new Map<string, LiveTask>();
  /** Insertion order is finishing order, so the first entry is the one to forget first. */
  private readonly finished = new Map<string, TaskStatus>();

  constructor(private readonly options: ChildProcessTaskRunnerOptions) {
    const [file, ...args] = options.command;
    if (file === undefined) throw new Error('ChildProcessTaskRunner needs a command to run.');
    this.file = file;
    this.args = args;
  }

  async start(spec: TaskSpec): Promise<{ taskId: string }> {
    const taskId = randomUUID();
    await mkdir(this.options.logDir, { recursive: true });
    const logPath = path.join(this.options.logDir, `${taskId}.log`);
    // The child writes straight into the file, so a chatty build costs the API no memory.
    const log = await open(logPath, 'a');
    let child: ChildProcess;
    let exited: Promise<[number | null, NodeJS.Signals | null]>;
    try {
      child = spawn(this.file, this.args, {
        cwd: this.options.cwd,
        env: { ...(this.options.baseEnv ?? process.env), ...spec.env },
        stdio: ['ignore', log.fd, log.fd],
      });
      // Listened for before anything else is awaited, so an instant exit is not missed.
      exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
      await spawned(child);
    } catch (err) {
      await rm(logPath, { force: true });
      const where = this.options.cwd ? ` in ${this.options.cwd}` : '';
      throw new AppError('INTERNAL', `Could not start the task command "${this.file}"${where}: ${(err as Error).message}`, undefined, { cause: err });
    } finally {
      await log.close();
    }

    killOnProcessExit(child);
    const task: LiveTask = {
      child,
      done: exited.then(([code, signal]) => this.finish(taskId, task, code, signal)),
    };
    const { maxRunSeconds } = this.options;
    if (maxRunSeconds !== undefined) {
      task.deadline = setTimeout(() => this.terminate(task, `timed out after ${maxRunSeconds} s`), maxRunSeconds * 1000);
    }
    this.running.set(taskId, task);
    return { taskId };
  }

  async status(taskId: string): Promise<TaskStatus> {
    if (this.running.has(taskId)) return { taskId, state: 'running', exitCode: null };
    return this.finished.get(taskId) ?? { taskId, state: 'stopped', exitCode: null, reason: UNKNOWN_TASK_REASON };
  }

  /** Resolves once the task has exited (after at most the kill grace period). */
  async stop(taskId: string, reason: string): Promise<void> {
    const task = this.running.get(taskId);
    if (!task) return;
    this.terminate(task, reason);
    await task.done;
  }

  close(): Promise<void> {
    return this.stopAll();
  }

  /** Stops every running task; for the server's shutdown. */
  async stopAll(): Promise<void> {
    const tasks = [...this.running.values()];
    for (const task of tasks) this.terminate(task, SHUTDOWN_REASON);
    await Promise.all(tasks.map((task) => task.done));
  }

  private terminate(task: LiveTask, reason: string): void {
    const { child } = task;
    if (task.stopReason !== undefined || child.exitCode !== null || child.signalCode !== null) return;
    task.stopReason = reason;
    child.kill('SIGTERM');
    task.killTimer = setTimeout(() => child.kill('SIGKILL'), (this.options.killGraceSeconds ?? 10) * 1000);
  }

  private finish(taskId: string, task: LiveTask, code: number | null, signal: NodeJS.Signals | null): void {
    clearTimeout(task.killTimer);
    clearTimeout(task.deadline);
    liveChildren.delete(task.child);
    this.running.delete(taskId);
    const reason = describeExit(task.stopReason, code, signal);
    this.finished.set(taskId, { taskId, state: 'stopped', exitCode: code, ...(reason === undefined ? {} : { reason }) });
    const keep = this.options.keepFinishedTasks ?? 1000;
    for (const oldest of this.finished.keys()) {
      if (this.finished.size <= keep) break;
      this.finished.delete(oldest);
    }
  }
}
