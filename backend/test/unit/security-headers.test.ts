import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { HELMET_OPTIONS, securityHeaders } from '../../src/http/middleware/security-headers';

// The headers are recorded from helmet once at start: they must stay exactly what helmet
// itself sends per request with the same options.
function appWith(middleware: express.RequestHandler): express.Express {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

function securityHeadersOf(headers: Record<string, string>): Record<string, string> {
  const { date: _date, etag: _etag, 'content-length': _length, 'content-type': _type, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

describe('securityHeaders', () => {
  it('sends the same headers as helmet with the same options', async () => {
    const fromHelmet = securityHeadersOf((await request(appWith(helmet(HELMET_OPTIONS))).get('/')).headers as Record<string, string>);
    const recorded = securityHeadersOf((await request(appWith(securityHeaders())).get('/')).headers as Record<string, string>);
    expect(Object.keys(fromHelmet).length).toBeGreaterThan(10);
    expect(fromHelmet['content-security-policy']).toContain("img-src 'self' data: https:");
    expect(recorded).toEqual(fromHelmet);
  });

  it('follows the options it is given', async () => {
    const options = { frameguard: { action: 'deny' as const }, strictTransportSecurity: false };
    const fromHelmet = securityHeadersOf((await request(appWith(helmet(options))).get('/')).headers as Record<string, string>);
    const recorded = securityHeadersOf((await request(appWith(securityHeaders(options))).get('/')).headers as Record<string, string>);
    expect(recorded['x-frame-options']).toBe('DENY');
    expect(recorded['strict-transport-security']).toBeUndefined();
    expect(recorded).toEqual(fromHelmet);
  });
});
