import { RETIRED_HASHES_KEPT, type RotateResult, type Session, type SessionStore } from './session-store';

// Sessions in this process's memory: for one local process only (the configuration
// refuses it in production), since other processes cannot see them and a restart
// signs everyone out.
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  private readonly sessions = new Map<string, Session>();
  private readonly retired = new Map<string, string[]>();
  private readonly pending = new Map<string, { value: string; expiresAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepIntervalMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.forget(id);
    for (const [key, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(key);
  }

  private forget(sessionId: string): void {
    this.sessions.delete(sessionId);
    this.retired.delete(sessionId);
  }

  async create(session: Session): Promise<void> {
    this.sessions.set(session.id, { ...session });
  }

  // Synchronous, so that rotate's read and write cannot interleave with another call.
  private live(sessionId: string): Session | null {
    const session = this.sessions.get(sessionId);
    if (!session) return null;
    if (session.expiresAt <= Date.now()) {
      this.forget(sessionId);
      return null;
    }
    return session;
  }

  async get(sessionId: string): Promise<Session | null> {
    const session = this.live(sessionId);
    return session ? { ...session } : null;
  }

  async rotate(sessionId: string, presentedHash: string, nextHash: string, expiresAt: number): Promise<RotateResult> {
    const session = this.live(sessionId);
    if (!session) return 'missing';
    const retired = this.retired.get(sessionId) ?? [];
    if (session.refreshHash !== presentedHash) {
      if (!retired.includes(presentedHash)) return 'invalid';
      this.forget(sessionId);
      return 'reused';
    }
    this.retired.set(sessionId, [session.refreshHash, ...retired].slice(0, RETIRED_HASHES_KEPT));
    this.sessions.set(sessionId, { ...session, refreshHash: nextHash, expiresAt });
    return 'rotated';
  }

  async delete(sessionId: string): Promise<void> {
    this.forget(sessionId);
  }

  async deleteAllForUser(userId: string): Promise<void> {
    for (const [id, session] of this.sessions) if (session.userId === userId) this.forget(id);
  }

  async putPending(key: string, value: string, ttlMs: number): Promise<void> {
    this.pending.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async takePending(key: string): Promise<string | null> {
    const entry = this.pending.get(key);
    this.pending.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : null;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sessions.clear();
    this.retired.clear();
    this.pending.clear();
  }
}
