import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

// A local stand-in for the part of Stripe's API the plan uses: creating and reading
// Checkout Sessions (form-encoded requests, JSON answers in Stripe's shape and error
// format). It records each request so that tests can check what was asked, and lets a
// test play the customer (complete a session) and Stripe (sign webhook events).

export interface StripeRequest {
  method: string;
  path: string;
  /** The form fields as sent, e.g. `line_items[0][price]`. */
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  client_secret: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  payment_intent: string | null;
  ui_mode: string;
  mode: string;
  return_url: string;
  amount_total: number;
  currency: string;
  created: number;
}

export interface FakeStripe {
  /** STRIPE_API_BASE_URL for the API under test. */
  url: string;
  requests: StripeRequest[];
  sessions: Map<string, FakeCheckoutSession>;
  /** The customer pays: the session completes with a PaymentIntent of its own. */
  complete(sessionId: string, paymentStatus?: FakeCheckoutSession['payment_status']): FakeCheckoutSession;
  close(): Promise<void>;
}

const AMOUNT = 900;
const CURRENCY = 'eur';
let counter = 0;
const nextId = (prefix: string) => `${prefix}_test${Date.now().toString(36)}${(counter++).toString(36)}`;

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': nextId('req') });
  res.end(JSON.stringify(body));
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  const sessions = new Map<string, FakeCheckoutSession>();
  const byIdempotencyKey = new Map<string, FakeCheckoutSession>();

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const form = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : raw));
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      requests.push({ method: req.method ?? '', path: url.pathname, form, idempotencyKey, authorization: req.headers.authorization });
      if (!req.headers.authorization?.startsWith('Bearer sk_')) return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });

      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        // Stripe answers a repeated idempotency key with the first answer.
        const earlier = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined;
        if (earlier) return send(res, 200, earlier);
        const id = nextId('cs');
        const session: FakeCheckoutSession = {
          id,
          object: 'checkout.session',
          client_secret: `${id}_secret_${nextId('x')}`,
          client_reference_id: form.client_reference_id ?? null,
          metadata: Object.fromEntries(Object.entries(form).flatMap(([k, v]) => (/^metadata\[(.+)\]$/.exec(k) ? [[k.slice(9, -1), v]] : []))),
          status: 'open',
          payment_status: 'unpaid',
          payment_intent: null,
          ui_mode: form.ui_mode ?? 'hosted_page',
          mode: form.mode ?? 'payment',
          return_url: form.return_url ?? '',
          amount_total: AMOUNT,
          currency: CURRENCY,
          created: Math.floor(Date.now() / 1000),
        };
        sessions.set(id, session);
        if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, session);
        return send(res, 200, session);
      }
      const match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && match) {
        const session = sessions.get(decodeURIComponent(match[1]!));
        if (!session) return send(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such checkout.session: '${match[1]}'`, param: 'id' } });
        return send(res, 200, session);
      }
      send(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    complete(sessionId, paymentStatus = 'paid') {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      Object.assign(session, { status: 'complete', payment_status: paymentStatus, payment_intent: nextId('pi') });
      return session;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export const FAKE_STRIPE_ENV = {
  STRIPE_SECRET_KEY: 'sk_test_fake0123456789',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_fake0123456789',
  STRIPE_WEBHOOK_SECRET: 'whsec_fake0123456789abcdef',
  STRIPE_PRICE_ID: 'price_fakePublisher',
  PLAN_NAME: 'Publisher',
  PLAN_AMOUNT: String(AMOUNT),
  PLAN_CURRENCY: CURRENCY,
};

/** A webhook event as Stripe sends it: the payload and its Stripe-Signature header. */
export function signedEvent(
  event: { id?: string; type: string; object: object; created?: number },
  options: { secret?: string; timestamp?: number } = {},
): { payload: string; signature: string; id: string } {
  const id = event.id ?? nextId('evt');
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-11-18.endive',
    created: event.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    type: event.type,
    data: { object: event.object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? FAKE_STRIPE_ENV.STRIPE_WEBHOOK_SECRET, timestamp: options.timestamp });
  return { payload, signature, id };
}

/** A charge.refunded object for a session's payment. */
export function refundedCharge(session: FakeCheckoutSession, refunded = true): object {
  return {
    id: nextId('ch'),
    object: 'charge',
    amount: session.amount_total,
    amount_refunded: refunded ? session.amount_total : 100,
    currency: session.currency,
    payment_intent: session.payment_intent,
    refunded,
    metadata: session.metadata,
  };
}
