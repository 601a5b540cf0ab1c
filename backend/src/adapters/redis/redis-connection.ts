import Redis from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  commandTimeoutMs: number;
  onConnectionError?: (error: Error) => void;
}

/**
 * A Redis connection that never lets a request hang on it: without a connection a command
 * fails at once instead of queueing until Redis returns, and ioredis keeps reconnecting in
 * the background (its failures arrive through onConnectionError).
 */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    // Commands from concurrent requests issued in one tick go out in one write.
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', (error: Error) => options.onConnectionError?.(error));
  // Every request waiting for a (re)connection listens for 'ready'.
  redis.setMaxListeners(0);
  redis.connect().catch(() => {
    // Reported through the 'error' event.
  });
  return redis;
}
