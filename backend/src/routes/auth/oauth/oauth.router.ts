import type { OAuthFailure } from '@r2w/cv-schema/api';
import type { Response, Router } from 'express';
import { createRouter } from '../../../http/router';
import type { RateLimits } from '../../../http/middleware/rate-limit/rate-limits';
import { setRefreshCookie, type CookieSettings } from '../refresh-cookie';
import { OAuthFlowError } from './oauth-failure';
import { SIGN_IN_TTL_MS, type OAuthSignIn } from './oauth-sign-in';

// The state a sign-in was started with, kept by the browser that started it: an answer
// arriving in another browser (a link someone was sent) cannot finish a sign-in there.
const STATE_COOKIE = 'r2w_oauth_state';
const STATE_COOKIE_PATH = '/api/v1/auth/oauth';

export interface OAuthRouterDeps {
  oauth: OAuthSignIn;
  limits: RateLimits;
  cookies: CookieSettings;
  /** The origin the SPA is served at. */
  appBaseUrl: string;
}

/** Browser navigations, so every outcome is a redirect: to the provider, or to a page of the SPA. */
export function oauthRouter(deps: OAuthRouterDeps): Router {
  const router = createRouter();

  const toSignInPage = (res: Response, provider: string, reason: OAuthFailure) => {
    const query = new URLSearchParams({ oauthError: reason, provider });
    res.redirect(302, `${deps.appBaseUrl}/sign-in?${query}`);
  };

  router.get('/:provider/start', deps.limits.for('loginPerIp'), async (req, res) => {
    const provider = req.params.provider as string;
    try {
      const { url, state } = await deps.oauth.start(provider, req.query.next);
      res.cookie(STATE_COOKIE, state, { httpOnly: true, secure: deps.cookies.secure, sameSite: 'lax', path: STATE_COOKIE_PATH, maxAge: SIGN_IN_TTL_MS });
      res.redirect(302, url);
    } catch (error) {
      if (!(error instanceof OAuthFlowError)) throw error;
      toSignInPage(res, provider, error.reason);
    }
  });

  router.get('/:provider/callback', async (req, res) => {
    const provider = req.params.provider as string;
    const browserState: unknown = req.cookies?.[STATE_COOKIE];
    const callback = new URL(req.originalUrl, 'http://callback').searchParams;
    try {
      const { session, next } = await deps.oauth.finish(provider, callback, typeof browserState === 'string' ? browserState : undefined);
      res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      setRefreshCookie(res, session.refreshToken, deps.cookies);
      // The SPA picks the session up with the cookie (a refresh), then claims this
      // browser's anonymous uploads as after any sign-in.
      res.redirect(302, `${deps.appBaseUrl}/sign-in/complete?${new URLSearchParams({ next })}`);
    } catch (error) {
      if (!(error instanceof OAuthFlowError)) throw error;
      res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      toSignInPage(res, provider, error.reason);
    }
  });

  return router;
}
