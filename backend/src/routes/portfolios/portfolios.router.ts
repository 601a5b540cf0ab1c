import type { Request, Router } from 'express';
import { BuildParamsSchema, CreatePortfolioBodySchema, PortfolioParamsSchema, UpdatePortfolioBodySchema } from '@r2w/cv-schema/api';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import { jsonBody } from '../../http/middleware/require-json';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import type { TokenService } from '../auth/tokens';
import type { PortfolioService } from './portfolios.service';

function idOf(req: Request): string {
  return PortfolioParamsSchema.parse(req.params).id;
}

export function portfoliosRouter(deps: { portfolios: PortfolioService; tokens: TokenService; sessions: SessionStore; metrics: Metrics; limits: RateLimits; jsonLimit: string }): Router {
  const router = createRouter();
  const { portfolios } = deps;
  router.use(authenticate(deps.tokens, deps.sessions, deps.metrics), ...jsonBody(deps.jsonLimit));

  router.post('/', async (req, res) => {
    res.status(201).json({ portfolio: await portfolios.create(authOf(res).userId, CreatePortfolioBodySchema.parse(req.body)) });
  });
  router.get('/', async (_req, res) => {
    res.json({ portfolios: await portfolios.list(authOf(res).userId) });
  });
  router.get('/:id', async (req, res) => {
    res.json({ portfolio: await portfolios.get(idOf(req), authOf(res).userId) });
  });
  router.patch('/:id', async (req, res) => {
    const id = idOf(req);
    res.json({ portfolio: await portfolios.update(id, authOf(res).userId, UpdatePortfolioBodySchema.parse(req.body)) });
  });
  router.delete('/:id', async (req, res) => {
    await portfolios.delete(idOf(req), authOf(res).userId);
    res.status(204).end();
  });
  router.post('/:id/builds', deps.limits.for('build'), async (req, res) => {
    res.status(202).json({ build: await portfolios.startBuild(idOf(req), authOf(res).userId, res.locals.requestId) });
  });
  router.get('/:id/builds', async (req, res) => {
    res.json({ builds: await portfolios.listBuilds(idOf(req), authOf(res).userId) });
  });
  router.get('/:id/builds/:buildId', async (req, res) => {
    const { id, buildId } = BuildParamsSchema.parse(req.params);
    res.json({ build: await portfolios.getBuild(id, authOf(res).userId, buildId) });
  });
  router.post('/:id/publish', async (req, res) => {
    res.json(await portfolios.publish(idOf(req), authOf(res).userId));
  });
  router.post('/:id/unpublish', async (req, res) => {
    res.json(await portfolios.unpublish(idOf(req), authOf(res).userId));
  });
  return router;
}
