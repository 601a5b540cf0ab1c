import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

// helmet's headers, decided once at start. helmet itself runs a dozen small middlewares
// and rebuilds the same Content-Security-Policy string on every request (5.6% of an
// authenticated GET's time under load); with options that do not depend on the request,
// its output is the same every time, so it is recorded once and replayed.

export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      // The SPA's live preview shows the person's photo, which lives on other sites.
      'img-src': ["'self'", 'data:', 'https:'],
      // Stripe.js and its Embedded Checkout frame (Stripe's published CSP for Checkout).
      'script-src': ["'self'", 'https://js.stripe.com'],
      'frame-src': ["'self'", 'https://js.stripe.com', 'https://checkout.stripe.com'],
      'connect-src': ["'self'", 'https://api.stripe.com', 'https://checkout.stripe.com'],
    },
  },
} satisfies HelmetOptions;

/** What helmet does to a response for `options`, recorded from one run of it. */
export function helmetHeaders(options: Readonly<HelmetOptions>): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return { set, removed };
}

export function securityHeaders(options: Readonly<HelmetOptions> = HELMET_OPTIONS): RequestHandler {
  const { set, removed } = helmetHeaders(options);
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
