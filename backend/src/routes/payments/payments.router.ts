import express, { type Router } from 'express';
import { NotFoundError } from '@r2w/cv-schema';
import { SessionStatusParamsSchema } from '@r2w/cv-schema/api';
import type { SessionStore } from '../../adapters/session-store/session-store';
import { authenticate, authOf } from '../../http/middleware/authenticate';
import { createRouter } from '../../http/router';
import type { Metrics } from '../../observability/metrics';
import type { TokenService } from '../auth/tokens';
import type { PaymentsService } from './payments.service';

// Stripe signs the bytes it sent: the webhook reads them raw, before any JSON parsing.
const WEBHOOK_BODY_LIMIT = '1mb';

export function paymentsRouter(deps: { payments: PaymentsService | null; tokens: TokenService; sessions: SessionStore; metrics: Metrics }): Router {
  const router = createRouter();
  const { payments } = deps;
  const enabled = (): PaymentsService => {
    if (!payments) throw new NotFoundError('Payments are off: publishing is free, and this');
    return payments;
  };
  const signedIn = authenticate(deps.tokens, deps.sessions, deps.metrics);

  router.post('/webhook', express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    const service = enabled();
    await service.receiveWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.get('stripe-signature'));
    res.json({ received: true });
  });
  router.get('/config', (_req, res) => {
    res.json(payments ? payments.config() : { enabled: false });
  });
  router.post('/checkout-session', signedIn, async (_req, res) => {
    res.status(201).json(await enabled().createCheckoutSession(authOf(res).userId));
  });
  router.get('/session-status/:id', signedIn, async (req, res) => {
    const service = enabled();
    res.json(await service.sessionStatus(authOf(res).userId, SessionStatusParamsSchema.parse(req.params).id));
  });
  return router;
}
