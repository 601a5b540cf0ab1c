import { withStatusCache } from '../../src/adapters/task-runner/status-cache';
import type { TaskRunner, TaskStatus } from '../../src/adapters/task-runner/task-runner';

// A counting runner and a hand-moved clock: how many DescribeTasks calls reads cost.
function countingRunner() {
  const calls: string[] = [];
  let answer: TaskStatus['state'] | Error = 'running';
  const runner: TaskRunner = {
    kind: 'ecs',
    start: async () => ({ taskId: 't' }),
    status: async (taskId) => {
      calls.push(taskId);
      if (answer instanceof Error) throw answer;
      return { taskId, state: answer, exitCode: null };
    },
    stop: async () => undefined,
    close: async () => undefined,
  };
  return { runner, calls, answer: (next: TaskStatus['state'] | Error) => (answer = next) };
}

it('asks once for many reads at the same moment, and again once the answer is older than the TTL', async () => {
  const { runner, calls, answer } = countingRunner();
  let clock = 1000;
  const cached = withStatusCache(runner, 3000, () => clock);
  const answers = await Promise.all(Array.from({ length: 10 }, () => cached.status('t')));
  expect(answers.map((a) => a.state)).toEqual(Array(10).fill('running'));
  expect(calls).toEqual(['t']);
  clock += 2999;
  await cached.status('t');
  expect(calls).toHaveLength(1);
  answer('stopped');
  clock += 1;
  expect((await cached.status('t')).state).toBe('stopped');
  expect(calls).toHaveLength(2);
  await cached.status('other');
  expect(calls).toEqual(['t', 't', 'other']);
});

it('does not keep a failed answer, and forgets a task it was told to stop', async () => {
  const { runner, calls, answer } = countingRunner();
  const cached = withStatusCache(runner, 60_000, () => 0);
  answer(new Error('throttled'));
  await expect(cached.status('t')).rejects.toThrow('throttled');
  answer('running');
  expect((await cached.status('t')).state).toBe('running');
  await cached.stop('t', 'deleted');
  answer('stopped');
  expect((await cached.status('t')).state).toBe('stopped');
  expect(calls).toHaveLength(3);
});
