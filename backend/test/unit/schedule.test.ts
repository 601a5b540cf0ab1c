import { schedulePeriodically } from '../../src/lib/schedule';

// Jest's fake timers: the schedule is checked by moving the clock, not by waiting for it.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('runs first after a moment, then at every period, reports a failed run and goes on, and stops', async () => {
  const runs: number[] = [];
  const errors: unknown[] = [];
  const task = jest.fn(async () => {
    runs.push(Date.now());
    if (runs.length === 2) throw new Error('storage down');
  });
  const schedule = schedulePeriodically(task, { firstAfterMs: 1_000, everyMs: 10_000, onError: (error) => errors.push(error) });
  await jest.advanceTimersByTimeAsync(999);
  expect(task).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  expect(task).toHaveBeenCalledTimes(1);
  await jest.advanceTimersByTimeAsync(20_000);
  expect(task).toHaveBeenCalledTimes(3);
  expect(errors).toEqual([new Error('storage down')]);
  schedule.stop();
  await jest.advanceTimersByTimeAsync(60_000);
  expect(task).toHaveBeenCalledTimes(3);
});
