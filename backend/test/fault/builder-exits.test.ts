import { testEnv } from '../support/test-app';
import { waitFor } from '../support/ports';
import { startWatchedApi, type WatchedApi } from '../support/watched-process';

// A builder task that exits non-zero without recording anything (a crashed container, a
// bad image): the build ends failed, with a reason naming the exit code.
let api: WatchedApi;

beforeAll(async () => {
  api = await startWatchedApi(testEnv({ TASK_COMMAND: 'node -e process.exit(3)', LOG_LEVEL: 'warn' }));
}, 90_000);

afterAll(() => api?.kill());

const JSON_RESUME = { basics: { name: 'Jane Doe', label: 'Software Engineer', email: 'jane@example.com' }, work: [{ name: 'Acme Corp', position: 'Engineer', startDate: '2019-01' }] };

async function call(method: string, route: string, token: string, body?: unknown) {
  const res = await fetch(`${api.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, { id: string; status: string; error?: { code: string; message: string } }> };
}

it('a builder that exits with code 3: the build ends failed with the reason', async () => {
  const reg = await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `builder-exit-${Date.now()}@example.com`, password: 'correct horse battery' }),
  });
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const cv = await call('POST', '/api/v1/cvs/import', accessToken, JSON_RESUME);
  expect(cv.status).toBe(201);
  const portfolio = await call('POST', '/api/v1/portfolios', accessToken, { cvId: cv.body.cv!.id, templateId: 'minimal' });
  expect(portfolio.status).toBe(201);
  const route = `/api/v1/portfolios/${portfolio.body.portfolio!.id}/builds`;
  const started = await call('POST', route, accessToken);
  expect(started.status).toBe(202);

  let build = started.body.build!;
  await waitFor(
    async () => {
      build = (await call('GET', `${route}/${build.id}`, accessToken)).body.build!;
      return build.status === 'succeeded' || build.status === 'failed';
    },
    { what: 'the build to end', timeoutMs: 60_000, intervalMs: 250 },
  );
  expect(build.status).toBe('failed');
  expect(build.error?.message).toMatch(/exited with code 3/);
}, 120_000);
