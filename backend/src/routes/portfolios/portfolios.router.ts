import type { Router } from 'express';
import { z } from 'zod';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import { jsonBody } from '../../http/middleware/require-json';
import type { RateLimits } from '../../http/middleware/rate-limit/rate-limits';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import type { TokenService } from '../auth/tokens';
import type { PortfolioService } from './portfolios.service';

const Params = z.object({ id: z.uuid({ error: 'is not a portfolio id' }), buildId: z.uuid({ error: 'is not a build id' }).optional() });

export function portfoliosRouter(deps: { portfolios: PortfolioService; tokens: TokenService; sessions: SessionStore; metrics: Metrics; limits: RateLimits; jsonLimit: string }): Router {
  const router = createRouter();
  const { portfolios } = deps;
  router.use(authenticate(deps.tokens, deps.sessions, deps.metrics), ...jsonBody(deps.jsonLimit));

  router.post('/', async (req, res) => {
    res.status(201).json({ portfolio: await portfolios.create(authOf(res).userId, req.body) });
  });
  router.get('/', async (_req, res) => {
    res.json({ portfolios: await portfolios.list(authOf(res).userId) });
  });
  router.get('/:id', async (req, res) => {
    res.json({ portfolio: await portfolios.get(Params.parse(req.params).id, authOf(res).userId) });
  });
  router.patch('/:id', async (req, res) => {
    res.json({ portfolio: await portfolios.update(Params.parse(req.params).id, authOf(res).userId, req.body) });
  });
  router.delete('/:id', async (req, res) => {
    await portfolios.delete(Params.parse(req.params).id, authOf(res).userId);
    res.status(204).end();
  });
  router.post('/:id/builds', deps.limits.for('build'), async (req, res) => {
    res.status(202).json({ build: await portfolios.startBuild(Params.parse(req.params).id, authOf(res).userId, res.locals.requestId) });
  });
  router.get('/:id/builds', async (req, res) => {
    res.json({ builds: await portfolios.listBuilds(Params.parse(req.params).id, authOf(res).userId) });
  });
  router.get('/:id/builds/:buildId', async (req, res) => {
    const { id, buildId } = Params.parse(req.params);
    res.json({ build: await portfolios.getBuild(id, authOf(res).userId, buildId!) });
  });
  router.post('/:id/publish', async (req, res) => {
    res.json(await portfolios.publish(Params.parse(req.params).id, authOf(res).userId));
  });
  router.post('/:id/unpublish', async (req, res) => {
    res.json(await portfolios.unpublish(Params.parse(req.params).id, authOf(res).userId));
  });
  return router;
}
