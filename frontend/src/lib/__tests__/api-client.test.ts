import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setTokenSource } from '../api-client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => setTokenSource({ accessToken: () => null, refresh: async () => null }));

describe('api client', () => {
  it('turns the API error shape into an ApiError with its code and sentence', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(409, { error: { code: 'SLUG_TAKEN', message: 'That address is already taken; choose another.' } })));
    const failure = await api('/api/v1/portfolios/x', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, code: 'SLUG_TAKEN', message: 'That address is already taken; choose another.' });
  });

  it('says the service is unreachable when the network fails, and something readable for a bare 502', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api('/api/v1/cvs')).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/could not reach/) });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(api('/api/v1/cvs')).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/on our side/) });
  });

  it('refreshes an expired access token once and retries with the new one', async () => {
    let token = 'old';
    const refresh = vi.fn(async () => (token = 'new'));
    setTokenSource({ accessToken: () => token, refresh });
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const auth = new Headers(init.headers).get('Authorization');
      return auth === 'Bearer new' ? json(200, { ok: true }) : json(401, { error: { code: 'INVALID_TOKEN', message: 'expired' } });
    });
    vi.stubGlobal('fetch', fetch);
    await expect(api('/api/v1/auth/me')).resolves.toEqual({ ok: true });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up with the 401 when the session cannot be refreshed', async () => {
    setTokenSource({ accessToken: () => 'old', refresh: async () => null });
    const fetch = vi.fn().mockResolvedValue(json(401, { error: { code: 'SESSION_REVOKED', message: 'This session has ended; please sign in again.' } }));
    vi.stubGlobal('fetch', fetch);
    await expect(api('/api/v1/auth/me')).rejects.toMatchObject({ code: 'SESSION_REVOKED' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends the claim token of an anonymous upload', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, {}));
    vi.stubGlobal('fetch', fetch);
    await api('/api/v1/cvs/1', { claimToken: 'secret-claim' });
    expect(new Headers((fetch.mock.calls[0]![1] as RequestInit).headers).get('X-Claim-Token')).toBe('secret-claim');
  });
});
