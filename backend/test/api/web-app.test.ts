import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ConfigError, loadConfig } from '../../src/config/env';
import { createTestApp, testEnv, type TestApp } from '../support/test-app';

// In local mode the API serves the built SPA too, so `npm start` is the whole product.

let t: TestApp;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(process.env.R2W_TEST_DIR!, 'web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Resume2Website</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = createTestApp({ WEB_DIR: dir });
});
afterAll(() => t.close());

describe('the SPA served by the API', () => {
  it('answers every page address with the app document, never cached stale', async () => {
    for (const page of ['/', '/dashboard', '/cvs/0b6c1a9e-1111-4222-8333-944445555666', '/sign-in?next=%2Fdashboard']) {
      const res = await request(t.app).get(page).set('Accept', 'text/html');
      expect([page, res.status, res.headers['cache-control']]).toEqual([page, 200, 'no-cache']);
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets for good and other files briefly', async () => {
    const asset = await request(t.app).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await request(t.app).get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps API answers for API paths and missing assets: a JSON 404, not the app page', async () => {
    for (const address of ['/api/v1/nothing', '/assets/missing.js']) {
      const res = await request(t.app).get(address).set('Accept', 'text/html,*/*');
      expect([address, res.status, res.headers['content-type']]).toEqual([address, res.status, expect.stringMatching(/application\/json/)]);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    // Site and preview addresses answer a browser with an error page of their own (site-addresses.test.ts), never the app's.
    for (const address of ['/sites/nobody/', '/previews/x/']) {
      const res = await request(t.app).get(address).set('Accept', 'text/html,*/*');
      expect([address, res.status >= 400, res.text]).toEqual([address, true, expect.not.stringContaining('<div id="root">')]);
    }
    const post = await request(t.app).post('/dashboard').set('Content-Type', 'application/json').send({});
    expect(post.status).toBe(404);
    expect(post.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('counts page and file requests under their own labels, apart from unmatched 404s', async () => {
    await request(t.app).get('/dashboard').set('Accept', 'text/html');
    await request(t.app).get('/assets/index-abc123.js');
    const metrics = (await request(t.app).get('/metrics')).text;
    expect(metrics).toMatch(/r2w_http_requests_total\{method="GET",route="web:page",status="200"\} [1-9]/);
    expect(metrics).toMatch(/r2w_http_requests_total\{method="GET",route="web:file",status="200"\} [1-9]/);
  });

  it('sends a CSP that runs only its own scripts and lets the preview show photos', async () => {
    const csp = (await request(t.app).get('/').set('Accept', 'text/html')).headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/img-src 'self' data: https:/);
  });

  it('refuses at start a WEB_DIR without a built app, saying what to do', () => {
    const error = (() => {
      try {
        loadConfig(testEnv({ WEB_DIR: path.join(dir, 'nothing-here') }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/WEB_DIR: .*nothing-here has no index\.html; build the SPA \(npm run build\) or set WEB_DIR=none/);
  });
});
