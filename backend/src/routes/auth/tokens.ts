import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '@r2w/cv-schema';

// Access tokens: short-lived HS256 JWTs naming the user and the session. They are only
// honoured while the session exists in the session store (checked on every request).
// Refresh tokens: `<sessionId>.<secret>`, opaque; the store keeps only the secret's hash.
const ISSUER = 'resume2website';
const AUDIENCE = 'r2w-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export class TokenService {
  // A KeyObject rather than a string: jsonwebtoken otherwise first tries to read a
  // string secret as a public key on every verify, which costs most of its time.
  private readonly key: KeyObject;

  constructor(
    secret: string,
    readonly accessTokenTtlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issueAccessToken(claims: AccessClaims): string {
    return jwt.sign({ sid: claims.sessionId }, this.key, {
      algorithm: 'HS256',
      subject: claims.userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.accessTokenTtlSeconds,
    });
  }

  /** Throws INVALID_TOKEN for anything but a well-formed, unexpired token we signed. */
  verifyAccessToken(token: string): AccessClaims {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims missing');
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new AppError('INVALID_TOKEN', expired ? 'Your access token has expired; refresh it or sign in again.' : 'The access token is not valid.');
    }
  }
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{20,128})$/.exec(token);
  return match ? { sessionId: match[1]!, secret: match[2]! } : null;
}
