import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type AugmentedRequest, type RateLimitRequestHandler } from 'express-rate-limit';
import type Redis from 'ioredis';
import type { RateLimit, RateLimitName } from '../../../config/env';
import { AppError } from '@r2w/cv-schema';
import type { Logger } from '../../../observability/logger';
import type { Metrics } from '../../../observability/metrics';
import { authOf } from '../authenticate';
import { clientNetwork, type IdentifierHasher } from './client-identity';
import { RateLimitStoreError, redisCounters } from './redis-counters';

interface LimitSpec {
  /** Metric label, log field and the name in the RateLimit response header. */
  label: string;
  /** The first sentence of the refusal. */
  refusal: string;
  /** Whom the requests are counted for. */
  key(req: Request, res: Response, hasher: IdentifierHasher): string;
  /** Requests this limit does not count (another limit does). */
  skip?(res: Response): boolean;
  /** Only refused requests (status >= 400) count, e.g. failed sign-ins. */
  failuresOnly?: boolean;
}

const byNetwork = (req: Request) => clientNetwork(req);
const byUser = (_req: Request, res: Response) => authOf(res).userId;
const signedIn = (res: Response) => res.locals.auth !== undefined;

function emailOf(req: Request): string {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

const SPECS: Record<RateLimitName, LimitSpec> = {
  loginPerIp: { label: 'login_per_ip', refusal: 'Too many sign-in attempts from your network.', key: byNetwork },
  // Per network and address, so guessing one person's password is slowed without locking
  // that person out when they sign in from anywhere else.
  loginPerAccount: {
    label: 'login_per_account',
    refusal: 'Too many failed sign-in attempts for this e-mail address.',
    key: (req, _res, hasher) => `${clientNetwork(req)}:${hasher.hash(emailOf(req))}`,
    failuresOnly: true,
  },
  register: { label: 'register', refusal: 'Too many accounts were created from your network.', key: byNetwork },
  refresh: { label: 'refresh', refusal: 'Too many session refreshes from your network.', key: byNetwork },
  uploadAnonymous: { label: 'upload_anonymous', refusal: 'Too many CVs were uploaded from your network without an account; sign in to upload more.', key: byNetwork, skip: signedIn },
  uploadUser: { label: 'upload_user', refusal: 'You have uploaded too many CVs.', key: byUser, skip: (res) => !signedIn(res) },
  build: { label: 'build', refusal: 'You have started too many builds.', key: byUser },
  import: { label: 'import', refusal: 'You have imported too many CVs.', key: byUser },
  // Each upload is decoded and re-encoded: counted per account, or per network for an anonymous CV.
  photo: { label: 'photo', refusal: 'You have uploaded too many photos.', key: (req, res) => (signedIn(res) ? authOf(res).userId : clientNetwork(req)) },
  passwordResetPerIp: { label: 'password_reset_per_ip', refusal: 'Too many password resets from your network.', key: byNetwork },
  // Per address from anywhere: the limit protects that person's inbox, wherever the requests come from.
  passwordResetPerAccount: {
    label: 'password_reset_per_account',
    refusal: 'Too many password reset e-mails were asked for this address.',
    key: (req, _res, hasher) => hasher.hash(emailOf(req)),
  },
};

function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

// A Redis outage is reported once per this long, not on every request it lets through.
const STORE_WARNING_INTERVAL_MS = 10_000;

export interface RateLimitsDeps {
  limits: Record<RateLimitName, RateLimit>;
  /** Counters in Redis, shared by every replica; in this process's memory when null. */
  redis: { client: Redis; keyPrefix: string; commandTimeoutMs: number } | null;
  hasher: IdentifierHasher;
  metrics: Metrics;
  logger: Logger;
}

/**
 * The API's rate limits (express-rate-limit), one middleware per limit. Over a limit the
 * request fails with RATE_LIMITED (429, Retry-After in seconds) through the error handler.
 * When Redis does not answer, requests pass uncounted: a limit is a brake on abuse, and
 * turning a Redis outage into refusing every sign-in and upload would be worse.
 */
export class RateLimits {
  private readonly limiters = {} as Record<RateLimitName, RateLimitRequestHandler>;
  private readonly handlers = {} as Record<RateLimitName, RequestHandler>;
  private lastStoreWarning = 0;

  constructor(private readonly deps: RateLimitsDeps) {
    for (const name of Object.keys(SPECS) as RateLimitName[]) this.create(name);
  }

  /** The middleware that counts requests against the named limit. */
  for(name: RateLimitName): RequestHandler {
    return this.handlers[name];
  }

  /** Forgets what the named limit has counted for one client key (support, tests). */
  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiters[name].resetKey(key);
  }

  private create(name: RateLimitName): void {
    const { limits, redis, hasher, metrics, logger } = this.deps;
    const spec = SPECS[name];
    const { limit, windowMs } = limits[name];
    const limiter = rateLimit({
      windowMs,
      limit,
      store: redis ? redisCounters(redis.client, `${redis.keyPrefix}rate:${spec.label}:`, redis.commandTimeoutMs) : undefined,
      keyGenerator: (req, res) => spec.key(req, res, hasher),
      skip: spec.skip ? (_req, res) => spec.skip!(res) : undefined,
      skipSuccessfulRequests: spec.failuresOnly ?? false,
      // RateLimit and RateLimit-Policy headers named per limit (several apply to one
      // route), and Retry-After on a refusal.
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: spec.label,
      handler: (req, res, next) => {
        const seconds = Math.max(1, Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000));
        metrics.rateLimited.inc({ limit: spec.label });
        const key = (req as AugmentedRequest).rateLimit?.key ?? '';
        // The client as a keyed hash: repeated offenders can be followed, no address or e-mail is logged.
        logger.warn('rate limited', { limit: spec.label, client: hasher.hash(key), retryAfterSeconds: seconds });
        next(new AppError('RATE_LIMITED', `${spec.refusal} Try again in ${waitPhrase(seconds)}.`));
      },
      logger: {
        warn: (error, message) => logger.warn(message ?? 'rate limiter warning', { limit: spec.label, err: String(error) }),
        error: (error, message) => logger.error(message ?? 'rate limiter problem', { limit: spec.label, err: String(error) }),
      },
    });
    this.limiters[name] = limiter;
    this.handlers[name] = (req, res, next) =>
      limiter(req, res, (error?: unknown) => {
        if (!(error instanceof RateLimitStoreError)) return next(error as Error | undefined);
        metrics.rateLimitStoreErrors.inc({ limit: spec.label });
        if (Date.now() - this.lastStoreWarning >= STORE_WARNING_INTERVAL_MS) {
          this.lastStoreWarning = Date.now();
          logger.warn('rate limit not applied: its store does not answer', { limit: spec.label, err: error.message });
        }
        next();
      });
  }
}
