import Stripe from 'stripe';
import type { CheckoutSession, CreateCheckoutInput, PaymentEvent, PaymentProvider, PurchaseChange } from './payment-provider';
import { WebhookSignatureError } from './payment-provider';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  priceId: string;
  /** Another address for Stripe's API (a local fake in tests). */
  apiBaseUrl: URL | null;
}

type Session = Stripe.Checkout.Session;

// Marks the plan's sessions and charges: the Stripe account may sell other things, and an
// event about those must grant or take away nothing here.
const PLAN_PRODUCT = 'r2w-publishing-plan';
const isPlan = (metadata: Stripe.Metadata | null | undefined) => metadata?.product === PLAN_PRODUCT;

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function sessionChange(session: Session, status: PurchaseChange['status']): PurchaseChange {
  return {
    purchaseId: idOf(session.payment_intent) ?? session.id,
    checkoutSessionId: session.id,
    userId: session.client_reference_id ?? session.metadata?.userId ?? null,
    status,
    amount: session.amount_total ?? null,
    currency: session.currency ?? null,
  };
}

// What each handled event type means for the purchase it names.
function changeOf(event: Stripe.Event): PurchaseChange | null {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return isPlan(event.data.object.metadata) ? sessionChangeOf(event.type, event.data.object) : null;
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntent = idOf(charge.payment_intent);
      // A partial refund leaves the purchase standing.
      if (!paymentIntent || !charge.refunded || !isPlan(charge.metadata)) return null;
      return { purchaseId: paymentIntent, checkoutSessionId: null, userId: charge.metadata?.userId ?? null, status: 'refunded', amount: charge.amount, currency: charge.currency };
    }
    default:
      return null;
  }
}

function sessionChangeOf(type: 'checkout.session.completed' | 'checkout.session.async_payment_succeeded' | 'checkout.session.async_payment_failed', session: Session): PurchaseChange {
  switch (type) {
    case 'checkout.session.completed':
      // "unpaid" is a delayed method (bank debit) still under way: its outcome comes as async_payment_*.
      return sessionChange(session, session.payment_status === 'paid' ? 'paid' : 'pending');
    case 'checkout.session.async_payment_succeeded':
      return sessionChange(session, 'paid');
    case 'checkout.session.async_payment_failed':
      return sessionChange(session, 'failed');
  }
}

export class StripePaymentProvider implements PaymentProvider {
  readonly kind = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeProviderOptions) {
    const base = options.apiBaseUrl;
    this.stripe = new Stripe(options.secretKey, {
      // Retries reuse the request's idempotency key, so a retried creation makes no second session.
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'http:' ? 80 : 443)), protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const) } : {}),
    });
  }

  async createCheckoutSession({ userId, email, returnUrl, idempotencyKey }: CreateCheckoutInput) {
    const session = await this.stripe.checkout.sessions.create(
      {
        ui_mode: 'embedded_page',
        mode: 'payment',
        line_items: [{ price: this.options.priceId, quantity: 1 }],
        return_url: returnUrl,
        client_reference_id: userId,
        customer_email: email,
        metadata: { userId, product: PLAN_PRODUCT },
        // Copied onto the charge, so that a refund names the user even when it is the first event seen.
        payment_intent_data: { metadata: { userId, product: PLAN_PRODUCT } },
      },
      { idempotencyKey },
    );
    if (!session.client_secret) throw new Error(`Stripe answered checkout session ${session.id} without a client secret`);
    return { id: session.id, clientSecret: session.client_secret };
  }

  async checkoutSession(id: string): Promise<CheckoutSession | null> {
    try {
      const session = await this.stripe.checkout.sessions.retrieve(id);
      return { id: session.id, status: session.status ?? 'open', paymentStatus: session.payment_status, userId: session.client_reference_id ?? session.metadata?.userId ?? null };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  verifyEvent(rawBody: Buffer, signature: string | undefined): PaymentEvent {
    if (!signature) throw new WebhookSignatureError('no Stripe-Signature header');
    let event: Stripe.Event;
    try {
      // Stripe's default tolerance (300 s) bounds how old a signed event may be.
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.options.webhookSecret);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new WebhookSignatureError(error.message);
      throw error;
    }
    return { id: event.id, type: event.type, change: changeOf(event) };
  }
}
