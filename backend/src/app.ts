import cookieParser from 'cookie-parser';
import express from 'express';
import type { Container } from './container';
import { compressResponses } from './http/middleware/compress';
import { errorHandler, routeNotFound } from './http/middleware/error-handler';
import { requestContext } from './http/middleware/request-context';
import { traceRequests } from './http/middleware/trace-requests';
import { securityHeaders } from './http/middleware/security-headers';
import { jsonBody } from './http/middleware/require-json';
import { pingDatabase } from './db/database';
import { authRouter } from './routes/auth/auth.router';
import { AuthService } from './routes/auth/auth.service';
import { OAuthSignIn } from './routes/auth/oauth/oauth-sign-in';
import { PasswordResets } from './routes/auth/password-resets';
import { docsRouter } from './routes/docs/docs.router';
import { healthRouter } from './routes/health/health.router';
import { metricsRouter } from './routes/metrics/metrics.router';
import { cvsRouter } from './routes/cvs/cvs.router';
import { CvService } from './routes/cvs/cvs.service';
import { ExtractionQuota } from './routes/cvs/extraction-quota';
import { paymentsRouter } from './routes/payments/payments.router';
import { PaymentsService } from './routes/payments/payments.service';
import { portfoliosRouter } from './routes/portfolios/portfolios.router';
import { PortfolioService } from './routes/portfolios/portfolios.service';
import { robotsRouter } from './routes/robots/robots.router';
import { sitesRouter } from './routes/sites/sites.router';
import { templatesRouter } from './routes/templates/templates.router';
import { webAppRouter } from './routes/web/web-app.router';

// Builds the Express application from its dependencies; server.ts listens, tests use
// the app directly through supertest.
export interface AppOptions {
  /** Aborted when the process begins to stop: readiness turns 503 and event streams end. */
  stopping?: AbortSignal;
}

export function buildApp(c: Container, options: AppOptions = {}): express.Express {
  const {
    config,
    logger,
    metrics,
    tracing,
    db,
    cvById,
    sessions,
    storage,
    queue,
    taskRunner,
    sitePointers,
    tokens,
    signer,
    rateLimits: limits,
    identifiers,
    buildWatcher,
    paymentProvider,
    signals,
  } = c;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);

  app.use(requestContext(logger, metrics));
  const requestSegments = traceRequests(tracing);
  if (requestSegments) app.use(requestSegments);
  app.use(securityHeaders());
  app.use(compressResponses(metrics));

  app.use(
    healthRouter({
      stopping: options.stopping,
      checkTimeoutMs: 2000,
      checks: {
        database: () => pingDatabase(db),
        redis: sessions.kind === 'redis' ? () => sessions.ping() : 'not configured: sessions are kept in memory (single local process)',
        storage: () => storage.ping(),
        queue: () => queue.ping(),
        sitePointers: sitePointers.kind === 'cloudfront-kvs' ? () => sitePointers.check() : 'database: the API serves /sites/<slug>/ from the portfolio rows',
      },
    }),
  );

  // With a port of its own (server.ts serves it there), /metrics is not on this one.
  if (config.metrics.port === null) app.use(metricsRouter({ metrics, token: config.metrics.token }));

  app.use(docsRouter());
  app.use(robotsRouter({ appBaseUrl: config.app.baseUrl, sitesBaseUrl: config.sites.baseUrl, metrics }));

  const api = express.Router();
  const auth = new AuthService({ db, sessions, storage, sitePointers, taskRunner, tokens, metrics, logger, scryptLog2N: config.auth.scryptLog2N, sessionTtlSeconds: config.auth.sessionTtlSeconds });
  const passwordResets = new PasswordResets({
    db,
    sessions,
    mail: c.mail,
    auth,
    metrics,
    logger,
    scryptLog2N: config.auth.scryptLog2N,
    ttlMinutes: config.auth.passwordResetTtlMinutes,
    appBaseUrl: config.app.baseUrl,
  });
  const oauth = new OAuthSignIn({ providers: config.oauth.providers, redirectBaseUrl: config.app.baseUrl, sessions, db, auth, metrics, logger });
  api.use(
    '/auth',
    jsonBody(config.http.jsonBodyLimit),
    cookieParser(),
    authRouter({
      auth,
      passwordResets,
      tokens,
      sessions,
      metrics,
      limits,
      cookieSecure: config.auth.cookieSecure,
      sessionTtlSeconds: config.auth.sessionTtlSeconds,
      oauth,
      appBaseUrl: config.app.baseUrl,
    }),
  );
  const cvs = new CvService({ db, cvById, storage, sitePointers, taskRunner, queue, metrics, logger, tracing, maxUploadBytes: config.uploads.maxBytes });
  const extractionQuota = new ExtractionQuota({ db, maxPending: config.quotas.pendingExtractionsPerOwner, metrics, logger });
  api.use(
    '/cvs',
    cvsRouter({
      cvs,
      db,
      cvById,
      tokens,
      sessions,
      metrics,
      signals,
      limits,
      extractionQuota,
      identifiers,
      jsonLimit: config.http.jsonBodyLimit,
      cvJsonLimit: config.http.cvJsonBodyLimit,
      maxUploadBytes: config.uploads.maxBytes,
      events: { ...config.uploads.events, stopping: options.stopping },
    }),
  );
  api.use('/templates', templatesRouter());
  const portfolios = new PortfolioService({
    db,
    storage,
    taskRunner,
    buildWatcher,
    sitePointers,
    signer,
    metrics,
    logger,
    tracing,
    sitesBaseUrl: config.sites.baseUrl,
    maxActiveBuildsPerUser: config.quotas.activeBuildsPerUser,
    maxBuildSeconds: config.builds.maxRunSeconds,
    publishNeedsPlan: config.payments !== null,
  });
  api.use('/portfolios', portfoliosRouter({ portfolios, tokens, sessions, metrics, limits, jsonLimit: config.http.jsonBodyLimit }));
  const payments =
    config.payments && paymentProvider ? new PaymentsService({ db, provider: paymentProvider, settings: config.payments, appBaseUrl: config.app.baseUrl, sitePointers, metrics, logger }) : null;
  // Its webhook reads the raw body: no JSON parser runs before this router.
  api.use('/payments', paymentsRouter({ payments, tokens, sessions, metrics }));
  app.use('/api/v1', api);
  app.use(sitesRouter({ db, storage, signer, metrics }));

  if (config.web.dir) app.use(webAppRouter(config.web.dir));

  app.use(routeNotFound);
  app.use(errorHandler(logger, metrics, { homeHref: `${config.app.baseUrl}/` }));
  return app;
}
