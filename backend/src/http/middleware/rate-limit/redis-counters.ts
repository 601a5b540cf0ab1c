import { once } from 'node:events';
import type { IncrementResponse } from 'express-rate-limit';
import type Redis from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

/** Redis did not answer a rate-limit command; the limiter lets the request pass uncounted. */
export class RateLimitStoreError extends Error {
  constructor(cause: unknown) {
    super(`rate-limit store: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RateLimitStoreError';
  }
}

// rate-limit-redis loads its Lua script once, when the limiter is created: if Redis was
// away then, every later increment would fail with that load's error even after Redis
// is back. Loading it again after a failure lets the limit return with Redis.
class ReloadingRedisStore extends RedisStore {
  override async increment(key: string): Promise<IncrementResponse> {
    try {
      return await super.increment(key);
    } catch (error) {
      const reload = this.loadIncrementScript();
      reload.catch(() => undefined);
      this.incrementScriptSha = reload;
      throw error;
    }
  }
}

/** A counter store in Redis under `prefix`, shared by every replica; its failures are RateLimitStoreError. */
export function redisCounters(redis: Redis, prefix: string, commandTimeoutMs: number): RedisStore {
  const sendCommand = async (...args: string[]): Promise<RedisReply> => {
    try {
      // While (re)connecting, wait a bounded time rather than fail at once.
      if (redis.status !== 'ready') await once(redis, 'ready', { signal: AbortSignal.timeout(commandTimeoutMs) });
      const [command, ...rest] = args as [string, ...string[]];
      return (await redis.call(command, ...rest)) as RedisReply;
    } catch (error) {
      throw new RateLimitStoreError(error);
    }
  };
  return new ReloadingRedisStore({ sendCommand, prefix });
}
