import request from 'supertest';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { startFakeKvs, type FakeKvs } from '../../../scripts/aws-local/fake-kvs';
import { FAKE_STRIPE_ENV, refundedCharge, signedEvent, startFakeStripe, type FakeCheckoutSession, type FakeStripe } from '../support/fake-stripe';
import { buildAndWait, createSamplePortfolio, setSlug } from '../support/portfolio-steps';
import { createTestApp, type TestApp } from '../support/test-app';

// The paid plan through Stripe: checkout sessions against a local stand-in of Stripe's API,
// and webhook events signed as Stripe signs them, delivered valid, forged, stale, twice and
// out of order. Published sites go through the CloudFront KeyValueStore stand-in, so that
// losing the plan is seen to take the public address down too.

const AWS_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
const APP_BASE_URL = 'http://app.example.test';

let stripe: FakeStripe;
let kvs: FakeKvs;
let t: TestApp;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  // The SDK's default credential chain reads these; the application itself never does.
  for (const [name, value] of Object.entries(AWS_CREDENTIALS)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  [stripe, kvs] = await Promise.all([startFakeStripe(), startFakeKvs()]);
  t = createTestApp({ ...FAKE_STRIPE_ENV, STRIPE_API_BASE_URL: stripe.url, APP_BASE_URL, SITE_POINTERS: 'cloudfront-kvs', CLOUDFRONT_KVS_ARN: kvs.arn, CLOUDFRONT_KVS_ENDPOINT_URL: kvs.endpoint });
});
afterAll(async () => {
  await t.close();
  await Promise.all([stripe.close(), kvs.close()]);
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function checkout(account: Account): Promise<FakeCheckoutSession> {
  const res = await request(t.app)
    .post('/api/v1/payments/checkout-session')
    .set(...bearer(account.accessToken));
  expect(res.status).toBe(201);
  const session = stripe.sessions.get(res.body.sessionId)!;
  expect(res.body.clientSecret).toBe(session.client_secret);
  return session;
}

function deliver(event: { payload: string; signature: string }, payload = event.payload) {
  return request(t.app).post('/api/v1/payments/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', event.signature).send(payload);
}

async function deliverOk(type: string, object: object, id?: string) {
  const res = await deliver(signedEvent({ type, object, id }));
  expect([res.status, res.body]).toEqual([200, { received: true }]);
}

async function planOf(account: Account): Promise<string> {
  return (
    await request(t.app)
      .get('/api/v1/auth/me')
      .set(...bearer(account.accessToken))
  ).body.user.plan;
}

/** A new user's portfolio with a finished build, at an address of its own (other test files publish the same sample CV in the same database). */
async function builtPortfolioAt(prefix: string) {
  const user = await registerAccount(t.app);
  const id = await createSamplePortfolio(t.app, user);
  expect((await buildAndWait(t.app, user, id)).status).toBe('succeeded');
  const slug = `${prefix}-${user.userId}`;
  await setSlug(t.app, user, id, slug);
  return { user, id, slug };
}

const webhookCount = async (outcome: string) => (await t.container.metrics.paymentWebhookEvents.get()).values.filter((v) => v.labels.outcome === outcome).reduce((n, v) => n + v.value, 0);

describe('checkout', () => {
  it('tells the SPA that payments are on, with the plan and the publishable key', async () => {
    const res = await request(t.app).get('/api/v1/payments/config');
    expect(res.body).toEqual({ enabled: true, provider: 'stripe', publishableKey: FAKE_STRIPE_ENV.STRIPE_PUBLISHABLE_KEY, plan: { name: 'Publisher', amount: 900, currency: 'eur' } });
  });

  it('creates an embedded checkout session for the configured price, naming the user, with an idempotency key', async () => {
    const user = await registerAccount(t.app);
    const session = await checkout(user);
    const asked = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions').at(-1)!;
    expect(asked.form).toMatchObject({
      ui_mode: 'embedded_page',
      mode: 'payment',
      'line_items[0][price]': FAKE_STRIPE_ENV.STRIPE_PRICE_ID,
      'line_items[0][quantity]': '1',
      client_reference_id: user.userId,
      'metadata[userId]': user.userId,
      'payment_intent_data[metadata][userId]': user.userId,
      return_url: `${APP_BASE_URL}/plan/return?session_id={CHECKOUT_SESSION_ID}`,
      customer_email: user.email,
    });
    expect(asked.idempotencyKey).toMatch(new RegExp(`^checkout-${user.userId}-[0-9a-f-]{36}$`));
    expect(asked.authorization).toBe(`Bearer ${FAKE_STRIPE_ENV.STRIPE_SECRET_KEY}`);
    expect((await t.container.metrics.checkoutSessions.get()).values).toContainEqual(expect.objectContaining({ labels: { outcome: 'created' } }));
    // Nothing secret in the logs.
    expect(JSON.stringify(t.logs)).not.toMatch(/sk_test_|whsec_|_secret_/);
    expect(session.status).toBe('open');
  });

  it('reports a session to its owner only', async () => {
    const [owner, other] = await Promise.all([registerAccount(t.app), registerAccount(t.app)]);
    const session = await checkout(owner);
    const status = (account: Account, id = session.id) =>
      request(t.app)
        .get(`/api/v1/payments/session-status/${id}`)
        .set(...bearer(account.accessToken));
    expect((await status(owner)).body).toEqual({ status: 'open', paymentStatus: 'unpaid', plan: 'free' });
    expect((await status(other)).status).toBe(404);
    expect((await status(owner, 'cs_test_nosuchsession')).status).toBe(404);
    expect((await status(owner, 'not-a-session')).status).toBe(400);
    expect((await request(t.app).get(`/api/v1/payments/session-status/${session.id}`)).status).toBe(401);
  });
});

describe('webhook', () => {
  it('grants the plan when a completed checkout is paid, and a replay changes nothing', async () => {
    const user = await registerAccount(t.app);
    const session = stripe.complete((await checkout(user)).id);
    const event = signedEvent({ type: 'checkout.session.completed', object: session });
    expect((await deliver(event)).status).toBe(200);
    expect(await planOf(user)).toBe('paid');
    expect(
      (
        await request(t.app)
          .get(`/api/v1/payments/session-status/${session.id}`)
          .set(...bearer(user.accessToken))
      ).body,
    ).toEqual({ status: 'complete', paymentStatus: 'paid', plan: 'paid' });

    const duplicates = await webhookCount('duplicate');
    const replay = await deliver(event);
    expect([replay.status, replay.body]).toEqual([200, { received: true }]);
    expect(await webhookCount('duplicate')).toBe(duplicates + 1);
    expect(await t.container.db.paymentEvent.count({ where: { id: event.id } })).toBe(1);
    expect(await t.container.db.purchase.findUnique({ where: { id: session.payment_intent! } })).toMatchObject({ userId: user.userId, status: 'paid', checkoutSessionId: session.id });
    // A second checkout is refused: the plan is already there.
    expect(
      (
        await request(t.app)
          .post('/api/v1/payments/checkout-session')
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(409);
  });

  it('refuses unsigned, tampered, stale and wrongly signed events, and changes nothing', async () => {
    const user = await registerAccount(t.app);
    const session = stripe.complete((await checkout(user)).id);
    const object = { type: 'checkout.session.completed', object: session };
    const good = signedEvent(object);
    const rejected = await webhookCount('rejected');

    const unsigned = await request(t.app).post('/api/v1/payments/webhook').set('Content-Type', 'application/json').send(good.payload);
    const tampered = await deliver(good, good.payload.replace('"payment_status":"paid"', '"payment_status":"paid" '));
    const stale = await deliver(signedEvent(object, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    const wrongSecret = await deliver(signedEvent(object, { secret: 'whsec_someoneelse' }));
    for (const res of [unsigned, tampered, stale, wrongSecret]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await webhookCount('rejected')).toBe(rejected + 4);
    expect(await planOf(user)).toBe('free');
    expect(await t.container.db.purchase.count({ where: { checkoutSessionId: session.id } })).toBe(0);
    // The genuine one still works afterwards.
    expect((await deliver(good)).status).toBe(200);
    expect(await planOf(user)).toBe('paid');
  });

  it('acknowledges an event type it does not handle, and ignores it', async () => {
    const res = await deliver(signedEvent({ type: 'customer.created', object: { id: 'cus_test1', object: 'customer' } }));
    expect([res.status, res.body]).toEqual([200, { received: true }]);
    expect(await t.container.db.paymentEvent.findFirst({ where: { type: 'customer.created' } })).toMatchObject({ outcome: 'ignored', userId: null });
  });

  it('grants a delayed payment only when it succeeds', async () => {
    const [succeeds, fails] = await Promise.all([registerAccount(t.app), registerAccount(t.app)]);
    for (const [account, outcome] of [
      [succeeds, 'checkout.session.async_payment_succeeded'],
      [fails, 'checkout.session.async_payment_failed'],
    ] as const) {
      const session = stripe.complete((await checkout(account)).id, 'unpaid');
      await deliverOk('checkout.session.completed', session);
      expect(await planOf(account)).toBe('free');
      await deliverOk(outcome, { ...session, payment_status: outcome.endsWith('succeeded') ? 'paid' : 'unpaid' });
    }
    expect(await planOf(succeeds)).toBe('paid');
    expect(await planOf(fails)).toBe('free');
  });

  it('ends in the same state whatever the order: a refund before the completion, a completion after the refund', async () => {
    const [early, late] = await Promise.all([registerAccount(t.app), registerAccount(t.app)]);
    // The refund arrives first.
    const first = stripe.complete((await checkout(early)).id);
    await deliverOk('charge.refunded', refundedCharge(first));
    await deliverOk('checkout.session.completed', first);
    expect(await planOf(early)).toBe('free');
    // In order, then the completion again under a new event id (Stripe re-sending it).
    const second = stripe.complete((await checkout(late)).id);
    await deliverOk('checkout.session.completed', second);
    expect(await planOf(late)).toBe('paid');
    await deliverOk('charge.refunded', refundedCharge(second));
    expect(await planOf(late)).toBe('free');
    await deliverOk('checkout.session.completed', second);
    expect(await planOf(late)).toBe('free');
    for (const session of [first, second]) expect((await t.container.db.purchase.findUniqueOrThrow({ where: { id: session.payment_intent! } })).status).toBe('refunded');
    // A partial refund leaves a purchase standing.
    const third = stripe.complete((await checkout(early)).id);
    await deliverOk('checkout.session.completed', third);
    await deliverOk('charge.refunded', refundedCharge(third, false));
    expect(await planOf(early)).toBe('paid');
  });
});

describe('what an event may change', () => {
  it('ignores events about anything else sold on the same Stripe account', async () => {
    const account = await registerAccount(t.app);
    const session = stripe.complete((await checkout(account)).id);
    const otherProduct = { ...session, id: 'cs_other', payment_intent: 'pi_other', metadata: { userId: account.userId } };
    await deliverOk('checkout.session.completed', otherProduct);
    expect(await planOf(account)).toBe('free');
    expect(await t.container.db.purchase.count({ where: { id: 'pi_other' } })).toBe(0);
  });

  it('offers no second checkout while a payment is still under way', async () => {
    const account = await registerAccount(t.app);
    await deliverOk('checkout.session.completed', stripe.complete((await checkout(account)).id, 'unpaid'));
    const again = await request(t.app)
      .post('/api/v1/payments/checkout-session')
      .set(...bearer(account.accessToken));
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
  });

  it('leaves a site published while payments were off alone when a payment fails', async () => {
    const user = await registerAccount(t.app);
    const id = await createSamplePortfolio(t.app, user);
    const build = await buildAndWait(t.app, user, id);
    await t.container.db.portfolio.update({ where: { id }, data: { publishedBuildId: build.id, publishedAt: new Date() } });
    const session = stripe.complete((await checkout(user)).id, 'unpaid');
    await deliverOk('checkout.session.completed', session);
    await deliverOk('checkout.session.async_payment_failed', session);
    expect(await planOf(user)).toBe('free');
    expect((await t.container.db.portfolio.findUniqueOrThrow({ where: { id } })).publishedBuildId).toBe(build.id);
  });
});

describe('publishing needs the plan', () => {
  it('refuses to publish without it, publishes with it, and takes the site and its address down when it is refunded', async () => {
    const { user, id, slug } = await builtPortfolioAt('paid');
    const publish = () =>
      request(t.app)
        .post(`/api/v1/portfolios/${id}/publish`)
        .set(...bearer(user.accessToken));
    const refused = await publish();
    expect([refused.status, refused.body.error.code]).toEqual([403, 'PAYMENT_REQUIRED']);

    const session = stripe.complete((await checkout(user)).id);
    await deliverOk('checkout.session.completed', session);
    const published = await publish();
    expect(published.status).toBe(200);
    expect(new URL(published.body.url).pathname).toBe(`/sites/${slug}/`);
    expect([...kvs.entries.keys()].some((key) => key.endsWith(slug))).toBe(true);

    // The address store is down when the refund comes: Stripe is told to try again, and the
    // site stays whole (row and address) until then.
    const refund = signedEvent({ type: 'charge.refunded', object: refundedCharge(session) });
    kvs.failWith = { status: 500, type: 'InternalServerException' };
    try {
      expect((await deliver(refund)).status).toBe(503);
    } finally {
      kvs.failWith = null;
    }
    expect([...kvs.entries.keys()].some((key) => key.endsWith(slug))).toBe(true);
    expect(await planOf(user)).toBe('free');
    expect((await deliver(refund)).status).toBe(200);
    expect([...kvs.entries.keys()].some((key) => key.endsWith(slug))).toBe(false);
    const portfolio = await request(t.app)
      .get(`/api/v1/portfolios/${id}`)
      .set(...bearer(user.accessToken));
    expect(portfolio.body.portfolio).toMatchObject({ published: false, url: null });
    expect((await publish()).status).toBe(403);
    expect((await t.container.metrics.planChanges.get()).values).toContainEqual(expect.objectContaining({ labels: { change: 'revoked' } }));
  });
});

describe('a refund racing a publish', () => {
  it('takes the site down again when the plan is gone by the time the site is up', async () => {
    const { user, id, slug } = await builtPortfolioAt('race');
    // The publish's first look finds the plan; the refund lands before the site is up (the
    // plan in the database is already free), and its look at the user's sites found none.
    const plans = jest.spyOn(t.container.db.user, 'findUniqueOrThrow').mockResolvedValueOnce({ plan: 'paid' } as never);
    try {
      const publish = await request(t.app)
        .post(`/api/v1/portfolios/${id}/publish`)
        .set(...bearer(user.accessToken));
      expect([publish.status, publish.body.error?.code]).toEqual([403, 'PAYMENT_REQUIRED']);
    } finally {
      plans.mockRestore();
    }
    expect((await t.container.db.portfolio.findUniqueOrThrow({ where: { id } })).publishedBuildId).toBeNull();
    expect([...kvs.entries.keys()].some((key) => key.endsWith(slug))).toBe(false);
  });
});

describe('with payments off', () => {
  it('says so, publishing is free, and the payment routes answer 404', async () => {
    const off = createTestApp();
    try {
      expect((await request(off.app).get('/api/v1/payments/config')).body).toEqual({ enabled: false });
      const user = await registerAccount(off.app);
      const checkoutRes = await request(off.app)
        .post('/api/v1/payments/checkout-session')
        .set(...bearer(user.accessToken));
      expect(checkoutRes.status).toBe(404);
      const webhook = await request(off.app).post('/api/v1/payments/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', 't=1,v1=x').send('{}');
      expect(webhook.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
