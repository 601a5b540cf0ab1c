import type { Response, Router } from 'express';
import { createRouter } from '../../http/router';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import type { SessionStore } from '../../adapters/session-store/session-store';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import type { Metrics } from '../../observability/metrics';
import {
  LoginBodySchema,
  PasswordResetBodySchema,
  PasswordResetRequestBodySchema,
  RefreshBodySchema,
  RegisterBodySchema,
  type PasswordResetRequestResponse,
  type Provider,
  type Session,
} from '@r2w/cv-schema/api';
import type { AuthService } from './auth.service';
import type { TokenService } from './tokens';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';
import type { OAuthSignIn } from './oauth/oauth-sign-in';
import { oauthRouter } from './oauth/oauth.router';
import { RESET_REQUESTED, type PasswordResets } from './password-resets';

export interface AuthRouterDeps {
  auth: AuthService;
  passwordResets: PasswordResets;
  tokens: TokenService;
  sessions: SessionStore;
  metrics: Metrics;
  limits: RateLimits;
  cookieSecure: boolean;
  sessionTtlSeconds: number;
  oauth: OAuthSignIn;
  /** The origin the SPA is served at (where provider sign-ins end). */
  appBaseUrl: string;
}

export function authRouter(deps: AuthRouterDeps): Router {
  const router = createRouter();
  const requireUser = authenticate(deps.tokens, deps.sessions, deps.metrics);

  const cookies = { secure: deps.cookieSecure, sessionTtlSeconds: deps.sessionTtlSeconds };
  const sendSession = (res: Response, status: number, result: Session) => {
    setRefreshCookie(res, result.refreshToken, cookies);
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

  router.post('/password-reset/request', limits.for('passwordResetPerIp'), limits.for('passwordResetPerAccount'), async (req, res) => {
    await deps.passwordResets.request(PasswordResetRequestBodySchema.parse(req.body));
    res.status(202).json({ message: RESET_REQUESTED } satisfies PasswordResetRequestResponse);
  });

  router.post('/password-reset', limits.for('passwordResetPerIp'), async (req, res) => {
    sendSession(res, 200, await deps.passwordResets.reset(PasswordResetBodySchema.parse(req.body)));
  });

  router.post('/logout', requireUser, async (_req, res) => {
    await deps.auth.logout(authOf(res));
    clearRefreshCookie(res);
    res.status(204).end();
  });

  router.get('/me', requireUser, async (_req, res) => {
    res.json({ user: await deps.auth.me(authOf(res)) });
  });

  router.delete('/me', requireUser, async (_req, res) => {
    await deps.auth.deleteAccount(authOf(res));
    clearRefreshCookie(res);
    res.status(204).end();
  });

  // Google and LinkedIn, those configured; with none the SPA shows only e-mail sign-in.
  router.get('/providers', (_req, res) => {
    res.json({ providers: deps.oauth.providers() } satisfies { providers: Provider[] });
  });

  router.use('/oauth', oauthRouter({ oauth: deps.oauth, limits, cookies, appBaseUrl: deps.appBaseUrl }));

  return router;
}
