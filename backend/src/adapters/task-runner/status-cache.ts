import type { TaskRunner, TaskStatus } from './task-runner';

// Every read of a quiet build asks the runner about its task: the SPA polls each second,
// the watcher too, and a Fargate task takes 20–60 s to start. DescribeTasks is rate
// limited per account, so answers are shared: one call at a time per task, and an answer
// kept for `ttlMs`.
export function withStatusCache(runner: TaskRunner, ttlMs: number, now: () => number = Date.now): TaskRunner {
  const answers = new Map<string, { at: number; status: Promise<TaskStatus> }>();
  const forgetOld = () => {
    for (const [id, entry] of answers) if (now() - entry.at >= ttlMs) answers.delete(id);
  };
  const status = (taskId: string): Promise<TaskStatus> => {
    const kept = answers.get(taskId);
    if (kept && now() - kept.at < ttlMs) return kept.status;
    if (answers.size >= 1000) forgetOld();
    const asked = runner.status(taskId);
    answers.set(taskId, { at: now(), status: asked });
    // A failed call is not kept: the next read asks again.
    asked.catch(() => {
      if (answers.get(taskId)?.status === asked) answers.delete(taskId);
    });
    return asked;
  };
  return {
    kind: runner.kind,
    start: (spec) => runner.start(spec),
    status,
    stop: async (taskId, reason) => {
      answers.delete(taskId);
      await runner.stop(taskId, reason);
    },
    close: () => runner.close(),
  };
}
