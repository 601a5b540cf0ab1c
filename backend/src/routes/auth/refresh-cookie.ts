import type { Response } from 'express';

// The refresh token also travels as an httpOnly cookie so the SPA never has to keep it
// where page scripts can read it; API clients use the JSON field instead.
export const REFRESH_COOKIE = 'r2w_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export interface CookieSettings {
  secure: boolean;
  sessionTtlSeconds: number;
}

/** Sets the refresh cookie of a new or refreshed session, whichever way the user signed in. */
export function setRefreshCookie(res: Response, refreshToken: string, settings: CookieSettings): void {
  res.cookie(REFRESH_COOKIE, refreshToken, { httpOnly: true, secure: settings.secure, sameSite: 'lax', path: REFRESH_COOKIE_PATH, maxAge: settings.sessionTtlSeconds * 1000 });
}

export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
}
