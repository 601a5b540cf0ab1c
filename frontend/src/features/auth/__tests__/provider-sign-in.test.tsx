import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SignIn, SignInComplete, SignUp } from '@/app/routes/auth-pages';
import { AuthProvider, useAuth } from '../components/auth-provider';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const user = { id: 'u1', email: 'jane@example.com', name: 'Jane', plan: 'free', createdAt: '2026-01-01T00:00:00Z' };
const noSession = json(401, { error: { code: 'INVALID_TOKEN', message: 'no session' } });

function stubApi(answers: Record<string, Response>) {
  const fetch = vi.fn(async (url: string) => answers[new URL(url, 'http://x').pathname]?.clone() ?? json(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function Where() {
  const location = useLocation();
  const { user } = useAuth();
  return <p>{`at ${location.pathname}${location.search} as ${user?.email ?? 'nobody'}`}</p>;
}

function renderAt(path: string, onSignedIn?: () => Promise<void>) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AuthProvider onSignedIn={onSignedIn}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/sign-up" element={<SignUp />} />
            <Route path="/sign-in/complete" element={<SignInComplete />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

describe('sign-in with Google or LinkedIn', () => {
  it('shows a button per configured provider on both pages, keeping where to go next', async () => {
    stubApi({
      '/api/v1/auth/providers': json(200, {
        providers: [
          { id: 'google', name: 'Google' },
          { id: 'linkedin', name: 'LinkedIn' },
        ],
      }),
    });
    renderAt('/sign-up?next=%2Fcvs%2F42');
    const google = await screen.findByRole('link', { name: 'Continue with Google' });
    expect(google.getAttribute('href')).toBe('/api/v1/auth/oauth/google/start?next=%2Fcvs%2F42');
    expect(screen.getByRole('link', { name: 'Continue with LinkedIn' }).getAttribute('href')).toBe('/api/v1/auth/oauth/linkedin/start?next=%2Fcvs%2F42');
  });

  it('shows no provider button when none is configured', async () => {
    const fetch = stubApi({ '/api/v1/auth/providers': json(200, { providers: [] }) });
    renderAt('/sign-in');
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/v1/auth/providers', expect.anything()));
    expect(screen.queryByRole('link', { name: /Continue with/ })).toBeNull();
  });

  it('says in words why a provider sign-in failed', async () => {
    stubApi({ '/api/v1/auth/providers': json(200, { providers: [{ id: 'google', name: 'Google' }] }) });
    renderAt('/sign-in?oauthError=email_unverified&provider=google');
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Your Google account's e-mail address is not verified, so we cannot sign you in with it. Verify it with Google first, or sign in with your e-mail and password.",
    );
  });

  it('takes up the session the provider sign-in left, claims uploads, then goes on to next', async () => {
    const fetch = stubApi({ '/api/v1/auth/refresh': json(200, { user, accessToken: 'token', expiresIn: 900 }) });
    const claimed = vi.fn(async () => undefined);
    renderAt('/sign-in/complete?next=%2Fcvs%2F42', claimed);
    await screen.findByText('at /cvs/42 as jane@example.com');
    expect(claimed).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls.filter(([url]) => url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('says so when there is no session to take up', async () => {
    stubApi({ '/api/v1/auth/refresh': noSession });
    renderAt('/sign-in/complete?next=%2Fdashboard');
    expect((await screen.findByRole('alert')).textContent).toBe('Your sign-in could not be completed. Please sign in again.');
    expect(screen.getByRole('link', { name: 'Back to sign-in' }).getAttribute('href')).toBe('/sign-in?next=%2Fdashboard');
  });
});
