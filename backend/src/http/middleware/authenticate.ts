import type { RequestHandler } from 'express';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { AppError } from '@r2w/cv-schema';
import type { Metrics } from '../../observability/metrics';
import { withLogContext } from '../../observability/logger';
import type { AccessClaims, TokenService } from '../../routes/auth/tokens';

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    auth?: AccessClaims;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * Verifies the access token and that its session still exists, so a logout or a
 * revocation on any replica takes effect on the next request everywhere.
 * With `optional`, a request without a token passes through anonymous; a bad token is
 * still refused.
 */
export function authenticate(tokens: TokenService, sessions: SessionStore, metrics: Metrics, options: { optional?: boolean; allowQueryToken?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    // EventSource cannot send headers, so event streams also take ?access_token=.
    const queryToken = options.allowQueryToken && typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    if (!header && !queryToken && options.optional) return next();
    const token = queryToken && !header ? queryToken : bearerToken(header);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <accessToken>.');
    let claims: AccessClaims;
    try {
      claims = tokens.verifyAccessToken(token);
    } catch (error) {
      metrics.authEvents.inc({ event: 'token_rejected' });
      throw error;
    }
    const session = await sessions.get(claims.sessionId);
    if (!session || session.userId !== claims.userId) {
      metrics.authEvents.inc({ event: 'token_rejected' });
      throw new AppError('SESSION_REVOKED', 'This session has ended; please sign in again.');
    }
    res.locals.auth = claims;
    withLogContext({ userId: claims.userId }, next);
  };
}

/** The caller's claims on a route behind `authenticate` (without `optional`). */
export function authOf(res: { locals: { auth?: AccessClaims } }): AccessClaims {
  if (!res.locals.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return res.locals.auth;
}
