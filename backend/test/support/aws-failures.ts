// "Fails promptly" without a clock: the AWS SDK records on each error how many attempts it
// made and how long its retries waited by design ($metadata), which is what a slow failure
// would be made of. A busy machine changes neither.
export function expectPromptAwsFailure(error: unknown, maxAttempts: number): void {
  const metadata = ((error as { cause?: { $metadata?: { attempts?: number; totalRetryDelay?: number } } }).cause ?? {}).$metadata;
  expect(metadata?.attempts).toBeGreaterThanOrEqual(1);
  expect(metadata?.attempts).toBeLessThanOrEqual(maxAttempts);
  expect(metadata?.totalRetryDelay ?? 0).toBeLessThan(2000);
}
