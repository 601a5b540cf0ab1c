// Addresses of the real services the tests talk to (started by .ci/run when down).
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
