import { bestEffort } from '../../src/lib/best-effort';
import type { Logger } from '../../src/observability/logger';

it('waits for every piece, never throws, and logs how many failed with the caller’s fields', async () => {
  const warnings: [string, unknown][] = [];
  const logger = { warn: (message: string, meta: unknown) => void warnings.push([message, meta]) } as unknown as Logger;
  let lateDone = false;
  const late = new Promise<void>((resolve) => setImmediate(() => ((lateDone = true), resolve())));
  await bestEffort([Promise.reject(new Error('a')), late, Promise.reject(new Error('b'))], logger, 'files not all deleted', { userId: 'u' });
  expect(lateDone).toBe(true);
  expect(warnings).toEqual([['files not all deleted', { userId: 'u', failed: 2 }]]);
  await bestEffort([Promise.resolve()], logger, 'never', {});
  expect(warnings).toHaveLength(1);
});
