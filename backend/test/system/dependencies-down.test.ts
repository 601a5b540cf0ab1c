import request from 'supertest';
import { freePort } from '../support/ports';
import { createTestApp, type TestApp } from '../support/test-app';

// A store that is down gives a prompt 503 naming it, never a hang.
describe('when a store is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = createTestApp({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`,
      DB_CONNECT_TIMEOUT_SECONDS: '2',
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      REDIS_COMMAND_TIMEOUT_MS: '300',
    });
  });
  afterAll(() => t.close());

  it('readiness is 503 and names the failing dependencies', async () => {
    const res = await request(t.app).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.failing.sort()).toEqual(['database', 'redis']);
    expect(res.body.checks.storage.status).toBe('ok');
    expect(res.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('liveness stays 200', async () => {
    expect((await request(t.app).get('/health/live')).status).toBe(200);
  });

  it('a request needing the database gets 503 DEPENDENCY_UNAVAILABLE', async () => {
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: 'someone@example.com', password: 'whatever password' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/database/);
  });

  it('a request needing the session store gets 503 DEPENDENCY_UNAVAILABLE', async () => {
    const token = t.container.tokens.issueAccessToken({ userId: 'u', sessionId: 's' });
    const res = await request(t.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/session store/);
    const metrics = await request(t.app).get('/metrics');
    expect(metrics.text).toMatch(/r2w_dependency_failures_total\{dependency="session store"\} [1-9]/);
  });
});
