import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { SessionStore, Session } from '../../src/adapters/session-store/session-store';
import { MemorySessionStore } from '../../src/adapters/session-store/memory-session-store';
import { RedisSessionStore } from '../../src/adapters/session-store/redis-session-store';
import { freePort } from '../support/ports';
import { REDIS_URL } from '../support/services';

function session(overrides: Partial<Session> = {}): Session {
  return { id: randomUUID(), userId: randomUUID(), refreshHash: 'hash-1', createdAt: Date.now(), expiresAt: Date.now() + 60_000, ...overrides };
}

const redisStore = () => new RedisSessionStore({ url: REDIS_URL, keyPrefix: `r2w-test-${randomUUID()}:`, commandTimeoutMs: 2000 });

describe.each([
  ['memory', () => new MemorySessionStore()],
  ['redis', redisStore],
])('%s session store', (_name, make: () => SessionStore) => {
  let store: SessionStore;
  beforeAll(() => {
    store = make();
  });
  afterAll(() => store.close());

  it('keeps and returns a session', async () => {
    const s = session();
    await store.create(s);
    expect(await store.get(s.id)).toEqual(s);
    expect(await store.get(randomUUID())).toBeNull();
  });

  it('rotates only when the presented hash is current; a stale one deletes the session', async () => {
    const s = session();
    await store.create(s);
    const later = Date.now() + 120_000;
    expect(await store.rotate(s.id, 'hash-1', 'hash-2', later)).toBe('rotated');
    expect(await store.get(s.id)).toMatchObject({ refreshHash: 'hash-2', expiresAt: later });
    expect(await store.rotate(s.id, 'hash-1', 'hash-3', later)).toBe('reused');
    expect(await store.get(s.id)).toBeNull();
    expect(await store.rotate(s.id, 'hash-2', 'hash-3', later)).toBe('missing');
  });

  it('refuses a hash it never issued without ending the session', async () => {
    const s = session();
    await store.create(s);
    const later = Date.now() + 120_000;
    expect(await store.rotate(s.id, 'never-issued', 'hash-x', later)).toBe('invalid');
    expect(await store.get(s.id)).toMatchObject({ refreshHash: 'hash-1' });
    expect(await store.rotate(s.id, 'hash-1', 'hash-2', later)).toBe('rotated');
    expect(await store.rotate(s.id, 'hash-3', 'hash-x', later)).toBe('invalid');
    expect(await store.rotate(s.id, 'hash-2', 'hash-3', later)).toBe('rotated');
    // Every hash rotated away still counts as reuse, not only the latest.
    expect(await store.rotate(s.id, 'hash-1', 'hash-x', later)).toBe('reused');
    expect(await store.get(s.id)).toBeNull();
  });

  it('lets exactly one of many concurrent rotations of the same token win', async () => {
    const s = session();
    await store.create(s);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.rotate(s.id, 'hash-1', `next-${i}`, Date.now() + 60_000)));
    expect(results.filter((r) => r === 'rotated')).toHaveLength(1);
    // The losers presented a hash that was no longer current: reuse, so the session is gone.
    expect(await store.get(s.id)).toBeNull();
  });

  // Time is moved by the session's own expiry, not by waiting: a test that slept past a short
  // life would fail on a machine too busy to read the session before it ran out.
  it('forgets expired sessions', async () => {
    const expired = session({ expiresAt: Date.now() - 1 });
    await store.create(expired);
    expect(await store.get(expired.id)).toBeNull();

    const s = session();
    await store.create(s);
    expect(await store.get(s.id)).not.toBeNull();
    // A rotation that sets a life already over (a clock that jumped) ends the session too.
    expect(await store.rotate(s.id, 'hash-1', 'hash-2', Date.now() - 1)).toBe('rotated');
    expect(await store.get(s.id)).toBeNull();
  });

  it('hands a pending value out once, even to takers at the same moment', async () => {
    const key = randomUUID();
    await store.putPending(key, 'flow', 60_000);
    const taken = await Promise.all(Array.from({ length: 5 }, () => store.takePending(key)));
    expect(taken.filter((v) => v === 'flow')).toHaveLength(1);
    expect(taken.filter((v) => v === null)).toHaveLength(4);
    expect(await store.takePending(randomUUID())).toBeNull();
  });

  it('deletes one session, or all of a user', async () => {
    const userId = randomUUID();
    const [a, b, c] = [session({ userId }), session({ userId }), session()];
    for (const s of [a, b, c]) await store.create(s);
    await store.delete(a.id);
    expect(await store.get(a.id)).toBeNull();
    expect(await store.get(b.id)).not.toBeNull();
    await store.create(a);
    await store.deleteAllForUser(userId);
    expect(await store.get(a.id)).toBeNull();
    expect(await store.get(b.id)).toBeNull();
    expect(await store.get(c.id)).toEqual(c);
    await store.deleteAllForUser(randomUUID());
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('redis session store expiry', () => {
  it('gives each key the session’s expiry, so Redis drops what nobody reads again', async () => {
    const keyPrefix = `r2w-test-${randomUUID()}:`;
    const store = new RedisSessionStore({ url: REDIS_URL, keyPrefix, commandTimeoutMs: 2000 });
    const redis = new Redis(REDIS_URL);
    try {
      const userId = randomUUID();
      const [short, long] = [session({ userId, expiresAt: Date.now() + 60_000 }), session({ userId, expiresAt: Date.now() + 120_000 })];
      await store.create(long);
      await store.create(short);
      expect(await redis.pexpiretime(`${keyPrefix}session:${short.id}`)).toBe(short.expiresAt);
      // The user's index lives as long as the longest of their sessions, whatever the order they came in.
      expect(await redis.pexpiretime(`${keyPrefix}user-sessions:${userId}`)).toBe(long.expiresAt);
      const later = Date.now() + 180_000;
      expect(await store.rotate(short.id, 'hash-1', 'hash-2', later)).toBe('rotated');
      expect(await redis.pexpiretime(`${keyPrefix}session:${short.id}`)).toBe(later);
      // Extended past the index's life, the session stays findable for "sign out everywhere".
      expect(await redis.pexpiretime(`${keyPrefix}user-sessions:${userId}`)).toBe(later);
      // Even when the index had already gone (it expired before a rotation extended past it).
      await redis.del(`${keyPrefix}user-sessions:${userId}`);
      expect(await store.rotate(short.id, 'hash-2', 'hash-3', later + 1000)).toBe('rotated');
      expect(await redis.smembers(`${keyPrefix}user-sessions:${userId}`)).toEqual([short.id]);
      expect(await redis.pexpiretime(`${keyPrefix}user-sessions:${userId}`)).toBe(later + 1000);
      await store.deleteAllForUser(userId);
      expect(await store.get(short.id)).toBeNull();
    } finally {
      redis.disconnect();
      await store.close();
    }
  });
});

describe('redis session store when Redis is down', () => {
  it('fails fast with DEPENDENCY_UNAVAILABLE instead of hanging', async () => {
    const store = new RedisSessionStore({ url: `redis://127.0.0.1:${await freePort()}`, keyPrefix: 'x:', commandTimeoutMs: 500 });
    // No offline queue: without a connection a command fails at once (a hang would end at the test's timeout).
    await expect(store.get('anything')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', status: 503 });
    await expect(store.ping()).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    await store.close();
  });
});
