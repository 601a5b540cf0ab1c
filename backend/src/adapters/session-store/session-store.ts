// Session store: Redis (shared by every API replica), or memory for one local process.
// Access tokens carry the session id and are only honoured while the session exists,
// so deleting a session signs its holder out everywhere at once.
export interface Session {
  id: string;
  userId: string;
  /** SHA-256 of the current refresh secret; earlier secrets no longer match. */
  refreshHash: string;
  createdAt: number;
  /** Epoch ms; the store forgets the session then. */
  expiresAt: number;
}

export type RotateResult = 'rotated' | 'reused' | 'invalid' | 'missing';

/**
 * Refresh hashes a session remembers after rotating them away. Reuse of one of these is
 * theft or replay; any other hash is just a wrong token, and must not let a stranger who
 * knows a session id end that session. A week of 15-minute refreshes (a session's life).
 */
export const RETIRED_HASHES_KEPT = 700;

export interface SessionStore {
  readonly kind: 'redis' | 'memory';
  create(session: Session): Promise<void>;
  get(sessionId: string): Promise<Session | null>;
  /**
   * Atomically replaces the refresh hash when `presentedHash` is the current one (the old
   * one joins the retired hashes) and extends the session's life to `expiresAt`. A
   * presented hash that was retired is reuse of a rotated token: the session is deleted
   * and 'reused' returned. Any other hash changes nothing and returns 'invalid'.
   */
  rotate(sessionId: string, presentedHash: string, nextHash: string, expiresAt: number): Promise<RotateResult>;
  delete(sessionId: string): Promise<void>;
  deleteAllForUser(userId: string): Promise<void>;
  /**
   * Keeps a short-lived value under `key` (a sign-in with Google or LinkedIn in progress,
   * so that whichever replica receives the provider's answer can finish it).
   */
  putPending(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value under `key`, removed in the same step: a second take of it finds nothing. */
  takePending(key: string): Promise<string | null>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
