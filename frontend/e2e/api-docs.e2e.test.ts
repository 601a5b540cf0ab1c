import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './support/browser';
import { startProduct, type Product } from './support/product';

// The API's documentation page (/api/docs) renders the OpenAPI document in Chromium under
// the API's own Content-Security-Policy, with nothing fetched from anywhere else.

let product: Product;
let browser: Browser;

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe('the API documentation page', () => {
  it('lists every operation of the API, its files all from the API, nothing refused by the CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(product.url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });

    await page.goto(`${product.url}/api/docs`);
    await page.getByRole('heading', { name: /Resume2Website API/ }).waitFor({ timeout: 60_000 });
    const document = (await (await fetch(`${product.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
    await expect.poll(() => page.locator('.opblock').count()).toBe(operations);

    await page.locator('#operations-cvs-getCv .opblock-summary').click();
    await page.locator('#operations-cvs-getCv .responses-wrapper').getByText('The CV.').waitFor();
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await screenshot(page, 'api-docs');
  });
});
