import request from 'supertest';
import { SITE_CSP } from '@r2w/portfolio-task';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { buildAndWait, createSamplePortfolio, firstFontPath, setSlug } from '../support/portfolio-steps';
import { createTestApp, type TestApp } from '../support/test-app';

// What a browser and an API client get at site and preview addresses that show nothing: a
// page in the sites' look for the browser, the JSON error shape for everyone else.

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let t: TestApp;
let user: Account;
// One build serves both the "unpublished" case and, published afterwards, the published site's
// (a build takes seconds on a loaded machine; tests run in order within this file).
let built: { id: string; slug: string } | undefined;
beforeAll(async () => {
  t = createTestApp();
  user = await registerAccount(t.app);
});
afterAll(() => t.close());

async function metric(name: string): Promise<number> {
  const text = (await request(t.app).get('/metrics')).text;
  return [...text.matchAll(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('addresses that show no site', () => {
  it('answers a browser at an unknown slug with an HTML 404 page in the sites look, never cached', async () => {
    const before = await metric('r2w_error_pages_total{status="404"}');
    const res = await request(t.app).get('/sites/nobody-here/').set('Accept', BROWSER);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(SITE_CSP);
    expect(res.text).toMatch(/^<!DOCTYPE html>/);
    expect(res.text).toContain('<meta name="robots" content="noindex"/>');
    expect(res.text).toContain('<h1>Page not found</h1>');
    expect(res.text).toContain('There is no published site at this address.');
    expect(res.text).toContain(`href="${t.config.app.baseUrl}/"`);
    expect(await metric('r2w_error_pages_total{status="404"}')).toBe(before + 1);
  });

  it('gives API clients and clients that prefer JSON the error shape, for unknown and malformed slugs and deep paths', async () => {
    for (const [address, accept] of [
      ['/sites/nobody-here/', 'application/json'],
      ['/sites/nobody-here/', '*/*'],
      ['/sites/nobody-here/about.html', 'application/json, text/html;q=0.5'],
      ['/sites/NOT_a_slug!/', 'application/json'],
    ] as const) {
      const res = await request(t.app).get(address).set('Accept', accept);
      expect([address, accept, res.status, res.headers['content-type']]).toEqual([address, accept, 404, 'application/json; charset=utf-8']);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no published site at this address.' } });
    }
    // No Accept at all: an API client.
    const bare = await request(t.app).get('/sites/nobody-here/').unset('Accept');
    expect(bare.body.error.code).toBe('NOT_FOUND');
  });

  it('shows the page for a malformed slug and for a built but unpublished site too', async () => {
    const id = await createSamplePortfolio(t.app, user);
    expect((await buildAndWait(t.app, user, id)).status).toBe('succeeded');
    const slug = `unpublished-${Date.now()}`;
    built = { id, slug };
    await setSlug(t.app, user, id, slug);
    for (const address of [`/sites/${slug}/`, '/sites/NOT_a_slug!/', `/sites/${'a'.repeat(80)}/x.html`]) {
      const res = await request(t.app).get(address).set('Accept', BROWSER);
      expect([address, res.status, res.headers['content-type']]).toEqual([address, 404, 'text/html; charset=utf-8']);
      expect(res.text).toContain('There is no published site at this address.');
    }
  });

  it('answers a browser with a broken or expired preview link with a page saying so, API clients with JSON', async () => {
    const address = '/previews/0b6c1a9e-1111-4222-8333-944445555666/1.forged/';
    const page = await request(t.app).get(address).set('Accept', BROWSER);
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>This link does not work</h1>');
    expect(page.text).toContain('This preview link is not valid or has expired');
    const api = await request(t.app).get(address).set('Accept', 'application/json');
    expect(api.status).toBe(403);
    expect(api.body.error.code).toBe('FORBIDDEN');
  });

  it('keeps JSON errors everywhere else, even for a browser', async () => {
    const res = await request(t.app)
      .get('/api/v1/portfolios/not-an-id')
      .set('Accept', BROWSER)
      .set(...bearer(user.accessToken));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('a published site', () => {
  it('is served with a CSP that lets its pages load its own files (favicon, fonts) and nothing that runs', async () => {
    if (!built) throw new Error('the unpublished-site test above builds the site this one publishes');
    const { id, slug } = built;
    expect(
      (
        await request(t.app)
          .post(`/api/v1/portfolios/${id}/publish`)
          .set(...bearer(user.accessToken))
      ).status,
    ).toBe(200);
    const home = await request(t.app).get(`/sites/${slug}/`).set('Accept', BROWSER);
    expect(home.status).toBe(200);
    const csp = home.headers['content-security-policy'] as string;
    expect(csp).toBe(SITE_CSP);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name) ?? [];
    expect(directive('img-src')).toContain("'self'");
    // Fonts from the site itself only: no font service, no data: URLs smuggled into a CV's text.
    expect(directive('font-src')).toEqual(['font-src', "'self'"]);
    // Lighthouse reads /robots.txt from inside the page.
    expect(directive('connect-src')).toEqual(['connect-src', "'self'"]);
    expect(directive('default-src')).toEqual(['default-src', "'none'"]);
    expect(csp).not.toContain('script-src');
    const icon = await request(t.app).get(`/sites/${slug}/favicon.svg`);
    expect([icon.status, icon.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    // Its fonts, under names that never change their bytes: cached for a year, unlike its pages.
    const font = await request(t.app).get(`/sites/${slug}/${firstFontPath(home.text)}`);
    expect([font.status, font.headers['content-type'], font.headers['cache-control']]).toEqual([200, 'font/woff2', 'public, max-age=31536000, immutable']);
    expect(Number(font.headers['content-length'])).toBeGreaterThan(10_000);
    expect(home.headers['cache-control']).toBe('public, max-age=60');
    // A missing page of a published site: the site's own 404 page, for a browser.
    const missing = await request(t.app).get(`/sites/${slug}/nothing.html`).set('Accept', BROWSER);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
  });
});
