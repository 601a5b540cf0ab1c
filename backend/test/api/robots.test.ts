import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

// /robots.txt is the API's own answer, not the SPA's page (crawlers read it at the host's root).

let t: TestApp;
let sitesHost: TestApp;
beforeAll(() => {
  t = createTestApp({ APP_BASE_URL: 'http://app.test', SITES_BASE_URL: 'http://app.test/sites' });
  sitesHost = createTestApp({ APP_BASE_URL: 'http://app.test', SITES_BASE_URL: 'http://sites.test' });
});
afterAll(async () => {
  await t.close();
  await sitesHost.close();
});

describe('GET /robots.txt', () => {
  it('answers plain-text rules for the app host, cached for a day, and counts the request', async () => {
    const res = await request(t.app).get('/robots.txt').set('Host', 'app.test').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.text).toMatch(/^User-agent: \*\n/);
    expect(res.text).toContain('Disallow: /api/\n');
    expect(res.text).toContain('Disallow: /previews/\n');
    expect(res.text).toContain('Allow: /sites/\n');
    expect((await request(t.app).get('/metrics')).text).toMatch(/^r2w_robots_txt_requests_total [1-9]/m);
  });

  it("answers the sites' own host with the sites only", async () => {
    const res = await request(sitesHost.app).get('/robots.txt').set('Host', 'sites.test');
    expect(res.text).toBe('User-agent: *\nAllow: /\n');
    expect((await request(sitesHost.app).get('/robots.txt').set('Host', 'app.test')).text).toContain('Disallow: /api/');
  });

  it('refuses other methods and paths below it with the JSON error shape', async () => {
    const post = await request(t.app).post('/robots.txt').set('Content-Type', 'text/plain').send('User-agent: *');
    expect(post.status).toBe(404);
    expect(post.body.error.code).toBe('ROUTE_NOT_FOUND');
    const below = await request(t.app).get('/robots.txt/x').set('Accept', 'application/json');
    expect(below.status).toBe(404);
  });
});
