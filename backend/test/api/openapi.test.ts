import { validate, compileErrors } from '@readme/openapi-parser';
import { openApiDocument } from '@r2w/cv-schema/api';
import express from 'express';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { appRoutes } from '../support/app-routes';
import { checkedAgainstContract, takeViolations } from '../support/contract-check';
import { createTestApp, type TestApp } from '../support/test-app';

// The API contract (cv-schema/src/api) as OpenAPI: every route the app serves is in it, it
// is valid OpenAPI 3.1, and the API serves it with a page to read it.

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const document = openApiDocument();
const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'put', 'post', 'delete', 'patch'] as const).filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
);

describe('the OpenAPI document', () => {
  it('documents every route the app serves, and no route it does not serve', () => {
    const served = [...new Set(appRoutes(buildApp(t.container)).map(({ method, path }) => `${method.toUpperCase()} ${path}`))];
    // The walk reaches routes of routers mounted inside routers.
    expect(served).toContain('GET /api/v1/portfolios/{id}/builds/{buildId}');
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(document.openapi).toBe('3.1.0');
  });

  it('names the security each signed-in route takes, the claim token where a route takes it', () => {
    expect(document.paths?.['/api/v1/portfolios']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths?.['/api/v1/cvs/{id}']?.get?.security).toEqual([{ bearer: [] }, { claimToken: [] }, { claimTokenQuery: [] }]);
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(expect.arrayContaining(['bearer', 'claimToken']));
  });

  it('is served at /api/v1/openapi.json', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('the documentation page', () => {
  it('is HTML whose scripts and styles all come from the API itself, allowed by its CSP', async () => {
    const page = await request(t.app).get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((match) => /\bsrc="([^"]+)"/.exec(match[1]!)?.[1]);
    const styles = [...page.text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);
    // Every script is a file (no inline code), and every file a path on this origin.
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const address of [...scripts, ...styles]) expect(address).toMatch(/^\/api\/docs\/[\w.-]+$/);

    for (const address of scripts as string[]) {
      const res = await request(t.app).get(address);
      expect([address, res.status, res.headers['content-type']]).toEqual([address, 200, expect.stringMatching(/^text\/javascript/)]);
    }
    for (const address of styles as string[]) {
      const res = await request(t.app).get(address);
      expect([address, res.status, res.headers['content-type']]).toEqual([address, 200, expect.stringMatching(/^text\/css/)]);
    }
    expect((await request(t.app).get('/api/docs/start.js')).text).toContain("url: '/api/v1/openapi.json'");
  });

  it('serves only its own files from the renderer’s package', async () => {
    for (const address of ['/api/docs/index.html', '/api/docs/package.json', '/api/docs/..%2Fpackage.json']) {
      const res = await request(t.app).get(address);
      expect([address, res.status, res.body.error?.code]).toEqual([address, 404, 'NOT_FOUND']);
    }
  });
});

describe('the contract check every API test runs', () => {
  it('reports a response that breaks the contract, naming the route and what did not match', async () => {
    const broken = express()
      .get('/api/v1/auth/providers', (_req, res) => {
        res.json({ providers: [{ id: 'google' }] });
      })
      .get('/api/v1/templates', (_req, res) => {
        res.status(418).json({});
      });
    const app = checkedAgainstContract(broken);
    await request(app).get('/api/v1/auth/providers');
    await request(app).get('/api/v1/templates');
    expect(takeViolations()).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/auth\/providers → 200 \(GET \/api\/v1\/auth\/providers\): the body does not match its schema:\n.*\n {2}→ at providers\[0\]\.name$/),
      'GET /api/v1/templates → 418 (GET /api/v1/templates): status 418 is not documented (documented: 200, 500, 503)',
    ]);
  });
});
