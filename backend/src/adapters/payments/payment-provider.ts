// The payment service provider (Stripe) behind the few calls the plan needs, so that the
// plan's rules (routes/payments) never see the provider's objects. Events come out as
// what they say about one purchase, or as `ignored` for every other kind.

/** What an event says about one purchase of the plan. */
export type PurchaseStatus = 'pending' | 'paid' | 'failed' | 'refunded';

export interface PurchaseChange {
  /** The provider's payment id (Stripe's PaymentIntent), or the checkout session's id when it has none. */
  purchaseId: string;
  checkoutSessionId: string | null;
  /** Null when the event does not name the user (a refund only names the payment). */
  userId: string | null;
  status: PurchaseStatus;
  amount: number | null;
  currency: string | null;
}

export interface PaymentEvent {
  id: string;
  type: string;
  /** Null for kinds of events the plan does not depend on (they are acknowledged and ignored). */
  change: PurchaseChange | null;
}

export interface CheckoutSession {
  id: string;
  /** open | complete | expired */
  status: string;
  /** paid | unpaid | no_payment_required */
  paymentStatus: string;
  userId: string | null;
}

export interface CreateCheckoutInput {
  userId: string;
  email: string;
  /** Where checkout sends the customer back; contains the literal {CHECKOUT_SESSION_ID}. */
  returnUrl: string;
  /** The same key for a retried request makes the provider answer with the same session. */
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly kind: 'stripe';
  createCheckoutSession(input: CreateCheckoutInput): Promise<{ id: string; clientSecret: string }>;
  /** Null when the provider has no such session. */
  checkoutSession(id: string): Promise<CheckoutSession | null>;
  /** Checks the signature over the raw body and reads the event; throws WebhookSignatureError when it does not hold. */
  verifyEvent(rawBody: Buffer, signature: string | undefined): PaymentEvent;
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
