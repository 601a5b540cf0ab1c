import type { Response, Router } from 'express';
import { createRouter } from '../../http/router';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import type { SessionStore } from '../../adapters/session-store/session-store';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import type { Metrics } from '../../observability/metrics';
import { LoginBodySchema, RefreshBodySchema, RegisterBodySchema, type Provider, type Session } from '@r2w/cv-schema/api';
import type { AuthService } from './auth.service';
import type { TokenService } from './tokens';

// The refresh token also travels as an httpOnly cookie so the SPA never has to keep it
// where page scripts can read it; API clients use the JSON field instead.
const REFRESH_COOKIE = 'r2w_refresh';
const COOKIE_PATH = '/api/v1/auth';

export interface AuthRouterDeps {
  auth: AuthService;
  tokens: TokenService;
  sessions: SessionStore;
  metrics: Metrics;
  limits: RateLimits;
  cookieSecure: boolean;
  sessionTtlSeconds: number;
}

export function authRouter(deps: AuthRouterDeps): Router {
  const router = createRouter();
  const requireUser = authenticate(deps.tokens, deps.sessions, deps.metrics);

  const sendSession = (res: Response, status: number, result: Session) => {
    res.cookie(REFRESH_COOKIE, result.refreshToken, {
      httpOnly: true,
      secure: deps.cookieSecure,
      sameSite: 'lax',
      path: COOKIE_PATH,
      maxAge: deps.sessionTtlSeconds * 1000,
    });
    res.status(status).json(result);
  };

  const { limits } = deps;
  router.post('/register', limits.for('register'), async (req, res) => {
    sendSession(res, 201, await deps.auth.register(RegisterBodySchema.parse(req.body)));
  });

  router.post('/login', limits.for('loginPerIp'), limits.for('loginPerAccount'), async (req, res) => {
    sendSession(res, 200, await deps.auth.login(LoginBodySchema.parse(req.body)));
  });

  router.post('/refresh', limits.for('refresh'), async (req, res) => {
    const body = RefreshBodySchema.parse(req.body ?? {});
    const fromCookie: unknown = req.cookies?.[REFRESH_COOKIE];
    sendSession(res, 200, await deps.auth.refresh(body.refreshToken ?? (typeof fromCookie === 'string' ? fromCookie : undefined)));
  });

  router.post('/logout', requireUser, async (_req, res) => {
    await deps.auth.logout(authOf(res));
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
    res.status(204).end();
  });

  router.get('/me', requireUser, async (_req, res) => {
    res.json({ user: await deps.auth.me(authOf(res)) });
  });

  router.delete('/me', requireUser, async (_req, res) => {
    await deps.auth.deleteAccount(authOf(res));
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
    res.status(204).end();
  });

  // Google and LinkedIn sign-in arrive with a later release; until one is configured
  // the list is empty and the SPA shows only e-mail sign-in.
  router.get('/providers', (_req, res) => {
    res.json({ providers: [] } satisfies { providers: Provider[] });
  });

  return router;
}
