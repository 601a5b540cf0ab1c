import { once } from 'node:events';
import type Redis from 'ioredis';
import { createRedisConnection } from '../redis/redis-connection';
import { DependencyError } from '@r2w/cv-schema';
import { RETIRED_HASHES_KEPT, type RotateResult, type Session, type SessionStore } from './session-store';

// Compare-and-set of the refresh hash in one step, so two replicas refreshing the same
// token at once cannot both win. A retired hash (kept comma-separated, newest first) is
// reuse of a stolen or replayed token; any other hash is only a wrong token.
const ROTATE_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'refreshHash')
if not current then return 'missing' end
local retired = redis.call('HGET', KEYS[1], 'retired') or ''
if current ~= ARGV[1] then
  if string.find(',' .. retired .. ',', ',' .. ARGV[1] .. ',', 1, true) then
    redis.call('DEL', KEYS[1])
    return 'reused'
  end
  return 'invalid'
end
local kept = {current}
for hash in string.gmatch(retired, '[^,]+') do
  if #kept >= tonumber(ARGV[4]) then break end
  kept[#kept + 1] = hash
end
redis.call('HSET', KEYS[1], 'refreshHash', ARGV[2], 'expiresAt', ARGV[3], 'retired', table.concat(kept, ','))
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[5])
redis.call('PEXPIREAT', KEYS[2], ARGV[3], 'GT')
redis.call('PEXPIREAT', KEYS[2], ARGV[3], 'NX')
return 'rotated'
`;

export interface RedisSessionStoreOptions {
  url: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  onConnectionError?: (error: Error) => void;
}

export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(private readonly options: RedisSessionStoreOptions) {
    // A command without a connection fails at once (503) rather than hanging the request.
    this.redis = createRedisConnection(options);
  }

  private sessionKey(id: string): string {
    return `${this.options.keyPrefix}session:${id}`;
  }

  private userKey(userId: string): string {
    return `${this.options.keyPrefix}user-sessions:${userId}`;
  }

  private pendingKey(key: string): string {
    return `${this.options.keyPrefix}pending:${key}`;
  }

  // While (re)connecting, wait a bounded time for the connection rather than failing
  // at once or queueing without limit.
  private async connected(): Promise<void> {
    if (this.redis.status === 'ready') return;
    if (this.redis.status === 'end') throw new Error('the Redis connection is closed');
    await once(this.redis, 'ready', { signal: AbortSignal.timeout(this.options.commandTimeoutMs) });
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      await this.connected();
      return await operation();
    } catch (error) {
      throw new DependencyError('session store', error);
    }
  }

  async create(session: Session): Promise<void> {
    await this.call(() =>
      this.redis
        .multi()
        .hset(this.sessionKey(session.id), {
          id: session.id,
          userId: session.userId,
          refreshHash: session.refreshHash,
          createdAt: String(session.createdAt),
          expiresAt: String(session.expiresAt),
        })
        .pexpireat(this.sessionKey(session.id), session.expiresAt)
        .sadd(this.userKey(session.userId), session.id)
        // The index of a user's sessions lives as long as their longest session.
        .pexpireat(this.userKey(session.userId), session.expiresAt, 'GT')
        .pexpireat(this.userKey(session.userId), session.expiresAt, 'NX')
        .exec(),
    );
  }

  async get(sessionId: string): Promise<Session | null> {
    const fields = await this.call(() => this.redis.hgetall(this.sessionKey(sessionId)));
    if (!fields.id || !fields.userId || !fields.refreshHash) return null;
    const expiresAt = Number(fields.expiresAt);
    if (expiresAt <= Date.now()) return null;
    return { id: fields.id, userId: fields.userId, refreshHash: fields.refreshHash, createdAt: Number(fields.createdAt), expiresAt };
  }

  async rotate(sessionId: string, presentedHash: string, nextHash: string, expiresAt: number): Promise<RotateResult> {
    const result = await this.call(async () => {
      // The user's index must hold the extended session and outlive it, or signing out
      // everywhere would miss it (an index that expired before a deploy that added this is
      // made again). A session's user never changes, so reading it before the script is safe.
      const userId = await this.redis.hget(this.sessionKey(sessionId), 'userId');
      if (!userId) return 'missing';
      return this.redis.eval(ROTATE_SCRIPT, 2, this.sessionKey(sessionId), this.userKey(userId), presentedHash, nextHash, String(expiresAt), String(RETIRED_HASHES_KEPT), sessionId);
    });
    return result as RotateResult;
  }

  async delete(sessionId: string): Promise<void> {
    await this.call(async () => {
      const userId = await this.redis.hget(this.sessionKey(sessionId), 'userId');
      const pipeline = this.redis.multi().del(this.sessionKey(sessionId));
      if (userId) pipeline.srem(this.userKey(userId), sessionId);
      await pipeline.exec();
    });
  }

  async deleteAllForUser(userId: string): Promise<void> {
    await this.call(async () => {
      const ids = await this.redis.smembers(this.userKey(userId));
      await this.redis
        .multi()
        .del(...ids.map((id) => this.sessionKey(id)), this.userKey(userId))
        .exec();
    });
  }

  async putPending(key: string, value: string, ttlMs: number): Promise<void> {
    await this.call(() => this.redis.set(this.pendingKey(key), value, 'PX', ttlMs));
  }

  async takePending(key: string): Promise<string | null> {
    // GETDEL: two replicas handed the same answer cannot both take it.
    return this.call(() => this.redis.getdel(this.pendingKey(key)));
  }

  async ping(): Promise<void> {
    await this.call(() => this.redis.ping());
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
