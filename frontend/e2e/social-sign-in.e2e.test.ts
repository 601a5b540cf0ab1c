import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOidcProvider, type FakeOidcProvider } from '../../backend/test/support/fake-oidc-provider';
import { launchChromium, screenshot, seriousViolations } from './support/browser';
import { startProduct, type Product } from './support/product';

// Sign-in with Google in a real browser, against a local OpenID provider standing in for
// Google (the API's GOOGLE_ISSUER_URL points at it): the button on the sign-in page, the
// round trip through the provider, and landing signed in where the user was going.

let provider: FakeOidcProvider;
let product: Product;
let browser: Browser;
let page: Page;
const email = `e2e-google-${Date.now()}@example.com`;

beforeAll(async () => {
  provider = await startFakeOidcProvider();
  provider.person = { sub: `google-${Date.now()}`, email, email_verified: true, name: 'Ada Google' };
  [product, browser] = await Promise.all([startProduct({ GOOGLE_CLIENT_ID: provider.clientId, GOOGLE_CLIENT_SECRET: provider.clientSecret, GOOGLE_ISSUER_URL: provider.issuer }), launchChromium()]);
  page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await provider?.close();
});

describe('sign-in with Google', () => {
  it('offers Google on the sign-in page', async () => {
    await page.goto(`${product.url}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    await page.getByRole('link', { name: 'Continue with Google' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'social-01-sign-in');
  });

  it('goes through the provider and lands signed in where it was going', async () => {
    await page.getByRole('link', { name: 'Continue with Google' }).click();
    await page.waitForURL(`${product.url}/account`);
    await page.getByText(email).waitFor();
    expect(provider.authorizations).toHaveLength(1);
    expect(provider.authorizations[0]!.get('code_challenge_method')).toBe('S256');
    await screenshot(page, 'social-02-signed-in');
  });

  it('stays signed in after a reload (the refresh cookie from the callback)', async () => {
    await page.reload();
    await page.getByText(email).waitFor();
    expect(page.url()).toBe(`${product.url}/account`);
  });

  it('says why when the user cancels at the provider', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${product.url}/signed-out`);
    await page.goto(`${product.url}/sign-in`);
    provider.deny = 'access_denied';
    await page.getByRole('link', { name: 'Continue with Google' }).click();
    await page.waitForURL(/\/sign-in\?oauthError=cancelled&provider=google$/);
    expect(await page.getByRole('alert').textContent()).toBe('Signing in with Google was cancelled. You can try again, or use your e-mail below.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'social-03-cancelled');
  });
});
