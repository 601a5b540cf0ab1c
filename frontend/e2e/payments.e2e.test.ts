import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_STRIPE_ENV, signedEvent, startFakeStripe, type FakeStripe } from '../../backend/test/support/fake-stripe';
import { launchChromium, screenshot, seriousViolations } from './support/browser';
import { startProduct, type Product } from './support/product';

// Buying the plan to publish, offline: the API talks to a local stand-in of Stripe's API
// (STRIPE_API_BASE_URL), and in the browser Stripe.js and Stripe's own endpoints are
// answered by Playwright (page.route) with a small Embedded Checkout of the same shape.
// The test plays Stripe for the webhook: it signs the event and posts it to the API.

const SAMPLE = new URL('../../cv-schema/fixtures/jsonresume-sample.resume.json', import.meta.url);
const email = `e2e-pay-${Date.now()}@example.com`;
const password = 'a long enough password';

// Stripe.js as far as Embedded Checkout goes: a Pay button instead of a card form; paying
// tells "Stripe" (the routes below) and follows the session's return_url, as Checkout does.
const FAKE_STRIPE_JS = `
window.Stripe = function (publishableKey) {
  const call = (path) => fetch('https://api.stripe.com' + path, { method: 'POST', headers: { Authorization: 'Bearer ' + publishableKey } }).then((r) => r.json());
  return {
    createEmbeddedCheckoutPage: async ({ fetchClientSecret }) => {
      const clientSecret = await fetchClientSecret();
      const id = clientSecret.split('_secret_')[0];
      const root = document.createElement('div');
      return {
        mount(target) {
          (typeof target === 'string' ? document.querySelector(target) : target).appendChild(root);
          call('/v1/payment_pages/' + id + '/init').then((session) => {
            const amount = document.createElement('p');
            amount.textContent = 'Pay ' + session.currency.toUpperCase() + ' ' + (session.amount_total / 100).toFixed(2);
            const pay = document.createElement('button');
            pay.type = 'button';
            pay.textContent = 'Pay now';
            pay.onclick = () => call('/v1/payment_pages/' + id + '/confirm').then((done) => { window.location.href = done.return_url.replace('{CHECKOUT_SESSION_ID}', done.id); });
            root.replaceChildren(amount, pay);
          });
        },
        unmount() { root.remove(); },
        destroy() { root.remove(); },
      };
    },
  };
};`;

let stripe: FakeStripe;
let product: Product;
let browser: Browser;
let page: Page;

async function apiCall(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${product.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> };
}

async function answerStripe(route: Route) {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization' };
  const request = route.request();
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  const match = /^\/v1\/payment_pages\/([^/]+)\/(init|confirm)$/.exec(new URL(request.url()).pathname);
  const session = match ? stripe.sessions.get(match[1]!) : undefined;
  if (!match || !session || request.headers().authorization !== `Bearer ${FAKE_STRIPE_ENV.STRIPE_PUBLISHABLE_KEY}`)
    return route.fulfill({ status: 404, headers: cors, json: { error: { message: 'No such page' } } });
  return route.fulfill({ headers: cors, json: match[2] === 'confirm' ? stripe.complete(session.id) : session });
}

beforeAll(async () => {
  stripe = await startFakeStripe();
  [product, browser] = await Promise.all([startProduct({ ...FAKE_STRIPE_ENV, STRIPE_API_BASE_URL: stripe.url }), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route('https://js.stripe.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_STRIPE_JS }));
  await context.route('https://api.stripe.com/**', answerStripe);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await stripe?.close();
});

describe('buying the plan to publish', () => {
  let cvId = '';

  it('has a built site that is not published yet', async () => {
    const { body: session } = await apiCall('/api/v1/auth/register', { method: 'POST', body: { email, password } });
    const token = session.accessToken as string;
    const sample = JSON.parse(await (await import('node:fs/promises')).readFile(SAMPLE, 'utf8'));
    cvId = (await apiCall('/api/v1/cvs/import', { method: 'POST', token, body: sample })).body.cv.id;
    const portfolioId = (await apiCall('/api/v1/portfolios', { method: 'POST', token, body: { cvId, templateId: 'minimal' } })).body.portfolio.id;
    const buildId = (await apiCall(`/api/v1/portfolios/${portfolioId}/builds`, { method: 'POST', token })).body.build.id;
    await expect.poll(async () => (await apiCall(`/api/v1/portfolios/${portfolioId}/builds/${buildId}`, { token })).body.build.status, { timeout: 60_000, interval: 500 }).toBe('succeeded');

    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${product.url}/cvs/${cvId}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).waitFor();
  });

  it('opens Embedded Checkout when publishing without the plan', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: /Publisher: .*9.*, paid once/ }).waitFor();
    await page.getByText('Pay EUR 9.00').scrollIntoViewIfNeeded();
    const created = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(created).toHaveLength(1);
    expect(created[0]!.form).toMatchObject({ ui_mode: 'embedded_page', 'line_items[0][price]': FAKE_STRIPE_ENV.STRIPE_PRICE_ID });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'payments-01-checkout');
  });

  it('comes back to the return page, which waits for the webhook and then says the plan is paid', async () => {
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/plan\/return\?session_id=cs_/);
    await page.getByText('Payment received; unlocking publishing…').waitFor();
    await screenshot(page, 'payments-02-waiting-for-webhook');

    const session = stripe.sessions.get(new URL(page.url()).searchParams.get('session_id')!)!;
    const event = signedEvent({ type: 'checkout.session.completed', object: session });
    const delivered = await fetch(`${product.url}/api/v1/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
      body: event.payload,
    });
    expect(delivered.status).toBe(200);

    await page.getByText('Payment received: the plan is yours and publishing is unlocked.').waitFor();
    await screenshot(page, 'payments-03-paid');
  });

  it('publishes, and the account page shows the plan', async () => {
    await page.getByRole('link', { name: 'Back to your website' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Your site is live at').waitFor();
    const url = (await page.locator('.published a').first().getAttribute('href'))!;
    expect((await page.request.get(url)).status()).toBe(200);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByText('Publisher: publishing unlocked').waitFor();
    await screenshot(page, 'payments-04-account');
  });
});
