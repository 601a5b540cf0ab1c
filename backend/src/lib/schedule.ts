/**
 * Runs `task` once after `firstAfterMs` (a moment after start, not during it) and then every
 * `everyMs` until stopped. The timers do not keep the process alive; a failed run is only
 * reported, and the next one comes on time.
 */
export function schedulePeriodically(task: () => Promise<unknown>, options: { firstAfterMs: number; everyMs: number; onError: (error: unknown) => void }): { stop(): void } {
  const run = () => {
    task().catch(options.onError);
  };
  const first = setTimeout(run, options.firstAfterMs).unref();
  const timer = setInterval(run, options.everyMs).unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
