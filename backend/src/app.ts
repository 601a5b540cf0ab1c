import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { Container } from './container';
import { errorHandler, routeNotFound } from './http/middleware/error-handler';
import { requestContext } from './http/middleware/request-context';
import { jsonBody } from './http/middleware/require-json';
import { pingDatabase } from './db/database';
import { authRouter } from './routes/auth/auth.router';
import { AuthService } from './routes/auth/auth.service';
import { healthRouter } from './routes/health/health.router';
import { cvsRouter } from './routes/cvs/cvs.router';
import { CvService } from './routes/cvs/cvs.service';
import { portfoliosRouter } from './routes/portfolios/portfolios.router';
import { PortfolioService } from './routes/portfolios/portfolios.service';
import { sitesRouter } from './routes/sites/sites.router';
import { templatesRouter } from './routes/templates/templates.router';
import { webAppRouter } from './routes/web/web-app.router';

// Builds the Express application from its dependencies; server.ts listens, tests use
// the app directly through supertest.
export function buildApp(c: Container): express.Express {
  const { config, logger, metrics, db, sessions, storage, queue, taskRunner, sitePointers, tokens, signer } = c;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);

  app.use(requestContext(logger, metrics));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // The SPA's live preview shows the person's photo, which lives on other sites.
        directives: { 'img-src': ["'self'", 'data:', 'https:'] },
      },
    }),
  );

  app.use(
    healthRouter({
      metrics,
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

  const api = express.Router();
  const auth = new AuthService({ db, sessions, storage, sitePointers, tokens, metrics, logger, scryptLog2N: config.auth.scryptLog2N, sessionTtlSeconds: config.auth.sessionTtlSeconds });
  api.use(
    '/auth',
    jsonBody(config.http.jsonBodyLimit),
    cookieParser(),
    authRouter({ auth, tokens, sessions, metrics, cookieSecure: config.auth.cookieSecure, sessionTtlSeconds: config.auth.sessionTtlSeconds }),
  );
  const cvs = new CvService({ db, storage, queue, metrics, logger, maxUploadBytes: config.uploads.maxBytes });
  api.use(
    '/cvs',
    cvsRouter({ cvs, db, tokens, sessions, metrics, jsonLimit: config.http.jsonBodyLimit, cvJsonLimit: config.http.cvJsonBodyLimit, events: config.uploads.events }),
  );
  api.use('/templates', templatesRouter());
  const portfolios = new PortfolioService({ db, storage, taskRunner, sitePointers, signer, metrics, logger, sitesBaseUrl: config.sites.baseUrl });
  api.use('/portfolios', portfoliosRouter({ portfolios, tokens, sessions, metrics, jsonLimit: config.http.jsonBodyLimit }));
  app.use('/api/v1', api);
  app.use(sitesRouter({ db, storage, signer, metrics }));

  if (config.web.dir) app.use(webAppRouter(config.web.dir));

  app.use(routeNotFound);
  app.use(errorHandler(logger, metrics));
  return app;
}
