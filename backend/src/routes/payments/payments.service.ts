import { randomUUID } from 'node:crypto';
import { AppError, DependencyError, NotFoundError } from '@r2w/cv-schema';
import { FREE_PLAN, PAID_PLAN, type CheckoutSessionResponse, type PaymentsConfig, type SessionStatusResponse } from '@r2w/cv-schema/api';
import type { PaymentEvent, PaymentProvider, PurchaseChange } from '../../adapters/payments/payment-provider';
import { WebhookSignatureError } from '../../adapters/payments/payment-provider';
import type { SitePointers } from '../../adapters/site-pointers/site-pointers';
import type { PaymentSettings } from '../../config/env';
import type { Database } from '../../db/database';
import { Prisma } from '../../db/database';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { unpublishSite } from '../../sites/site-pointer-changes';
import { statesBefore } from './purchase-state';

export interface PaymentsServiceDeps {
  db: Database;
  provider: PaymentProvider;
  settings: PaymentSettings;
  /** The SPA's address: checkout returns to its /plan/return page. */
  appBaseUrl: string;
  sitePointers: SitePointers;
  metrics: Metrics;
  logger: Logger;
}

export type WebhookOutcome = 'applied' | 'unchanged' | 'ignored' | 'duplicate';

// Event types are Stripe's to add to; metric labels stay bounded.
const HANDLED_TYPES = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed', 'charge.refunded']);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** The paid plan: buying it (checkout sessions) and Stripe's word on each purchase (webhook events). */
export class PaymentsService {
  constructor(private readonly deps: PaymentsServiceDeps) {}

  config(): PaymentsConfig {
    const { publishableKey, plan } = this.deps.settings;
    return { enabled: true, provider: 'stripe', publishableKey, plan };
  }

  async createCheckoutSession(userId: string): Promise<CheckoutSessionResponse> {
    const { db, provider, metrics, logger, appBaseUrl } = this.deps;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, plan: true } });
    if (user.plan === PAID_PLAN) throw new AppError('CONFLICT', 'The plan is already yours: publish away.');
    // A bank debit still under way would be paid twice.
    if ((await db.purchase.count({ where: { userId, status: 'pending' } })) > 0) throw new AppError('CONFLICT', 'Your payment is still being processed; the plan is yours as soon as it clears.');
    try {
      const session = await provider.createCheckoutSession({
        userId,
        email: user.email,
        returnUrl: `${appBaseUrl}/plan/return?session_id={CHECKOUT_SESSION_ID}`,
        // One key per request: the SDK's own retries of it reuse it and get the same session.
        idempotencyKey: `checkout-${userId}-${randomUUID()}`,
      });
      metrics.checkoutSessions.inc({ outcome: 'created' });
      logger.info('checkout session created', { userId, checkoutSessionId: session.id });
      return { sessionId: session.id, clientSecret: session.clientSecret };
    } catch (error) {
      metrics.checkoutSessions.inc({ outcome: 'failed' });
      throw new DependencyError('payment provider', error);
    }
  }

  async sessionStatus(userId: string, sessionId: string): Promise<SessionStatusResponse> {
    let session;
    try {
      session = await this.deps.provider.checkoutSession(sessionId);
    } catch (error) {
      throw new DependencyError('payment provider', error);
    }
    // Someone else's session does not exist, as for every other resource.
    if (!session || session.userId !== userId) throw new NotFoundError('This checkout session');
    const user = await this.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { plan: true } });
    return { status: session.status as SessionStatusResponse['status'], paymentStatus: session.paymentStatus as SessionStatusResponse['paymentStatus'], plan: user.plan };
  }

  /**
   * Verifies and handles one webhook delivery. The event's effect is idempotent by itself
   * (purchase-state.ts); its id is recorded after the effect, so a delivery that fails
   * half-way is redone by Stripe's retry, and one that was handled is not redone.
   */
  async receiveWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    const { db, provider, metrics, logger } = this.deps;
    let event: PaymentEvent;
    try {
      event = provider.verifyEvent(rawBody, signature);
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      metrics.paymentWebhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
      logger.warn('payment webhook refused', { reason: error.message });
      throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The Stripe-Signature header does not match this body (or is too old).');
    }
    const type = HANDLED_TYPES.has(event.type) ? event.type : 'other';
    try {
      const seen = await db.paymentEvent.findUnique({ where: { id: event.id } });
      if (seen) {
        // Its effect is in; the sites of a user who lost the plan may not all be down yet.
        if (seen.userId) await this.followPlan(seen.userId);
        metrics.paymentWebhookEvents.inc({ type, outcome: 'duplicate' });
        logger.info('payment webhook event seen before', { eventId: event.id, type: event.type });
        return 'duplicate';
      }
      const { userId, outcome } = event.change ? await this.apply(event.change) : { userId: null, outcome: 'ignored' as const };
      if (userId) await this.followPlan(userId);
      try {
        await db.paymentEvent.create({ data: { id: event.id, type: event.type, userId, outcome } });
      } catch (error) {
        // A concurrent delivery of the same event recorded it first; the effect is the same.
        if (!isUniqueViolation(error)) throw error;
      }
      metrics.paymentWebhookEvents.inc({ type, outcome });
      logger.info('payment webhook event handled', { eventId: event.id, type: event.type, outcome, userId, purchaseId: event.change?.purchaseId, status: event.change?.status });
      return outcome;
    } catch (error) {
      metrics.paymentWebhookEvents.inc({ type, outcome: 'failed' });
      throw error;
    }
  }

  /** Moves the purchase on (never back) and records whose it is; returns the user it concerns. */
  private async apply(change: PurchaseChange): Promise<{ userId: string | null; outcome: 'applied' | 'unchanged' }> {
    const { db } = this.deps;
    const { purchaseId: id, status, userId, checkoutSessionId, amount, currency } = change;
    try {
      await db.purchase.create({ data: { id, status, userId, checkoutSessionId, amount, currency } });
      return { userId, outcome: 'applied' };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Each update is one conditional statement, so concurrent events cannot undo each other.
    const moved = await db.purchase.updateMany({ where: { id, status: { in: statesBefore(status) } }, data: { status } });
    const filled = await Promise.all([
      userId ? db.purchase.updateMany({ where: { id, userId: null }, data: { userId } }) : { count: 0 },
      checkoutSessionId ? db.purchase.updateMany({ where: { id, checkoutSessionId: null }, data: { checkoutSessionId } }) : { count: 0 },
      amount !== null ? db.purchase.updateMany({ where: { id, amount: null }, data: { amount, currency } }) : { count: 0 },
    ]);
    const purchase = await db.purchase.findUniqueOrThrow({ where: { id }, select: { userId: true } });
    return { userId: purchase.userId, outcome: moved.count + filled.reduce((n, r) => n + r.count, 0) > 0 ? 'applied' : 'unchanged' };
  }

  /**
   * The user's plan follows their purchases: paid while any of them is paid. Without it,
   * their published sites go offline (the addresses first, as for unpublishing).
   */
  private async followPlan(userId: string): Promise<void> {
    const { db, metrics, logger } = this.deps;
    const before = await db.user.findUnique({ where: { id: userId }, select: { plan: true } });
    if (!before) return;
    // One statement decides from the purchases as they are now, so two events about one
    // user cannot leave the plan as only the earlier one saw it.
    await db.$executeRaw`UPDATE "User" SET "plan" = CASE WHEN EXISTS (SELECT 1 FROM "Purchase" WHERE "userId" = ${userId} AND "status" = 'paid') THEN ${PAID_PLAN} ELSE ${FREE_PLAN} END WHERE "id" = ${userId}`;
    const { plan } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { plan: true } });
    if (plan !== before.plan) {
      metrics.planChanges.inc({ change: plan === PAID_PLAN ? 'granted' : 'revoked' });
      logger.info(plan === PAID_PLAN ? 'plan granted' : 'plan revoked', { userId });
    }
    if (plan === PAID_PLAN) return;
    // Only a plan taken back (a refund) takes sites down: a pending or failed payment of
    // someone who never had the plan leaves alone what they published (while payments were off).
    if ((await db.purchase.count({ where: { userId, status: 'refunded' } })) === 0) return;
    const published = await db.portfolio.findMany({ where: { userId, publishedBuildId: { not: null } }, select: { id: true, slug: true, publishedBuildId: true, publishedAt: true } });
    for (const portfolio of published) {
      await unpublishSite(this.deps, portfolio);
      logger.info('portfolio unpublished: the plan was revoked', { userId, portfolioId: portfolio.id });
    }
  }
}
