import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuthProvider, useAuth } from '../components/auth-provider';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const user = { id: 'u1', email: 'jane@example.com', name: 'Jane', plan: 'free', createdAt: '2026-01-01T00:00:00Z' };

function Who() {
  const { state, user } = useAuth();
  return <p>{state.status === 'signed-in' ? `signed in as ${user!.email}` : state.status}</p>;
}

describe('AuthProvider', () => {
  it('does not ask for a refresh in a browser that was never signed in', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    await screen.findByText('anonymous');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('picks up a returning session from the refresh cookie', async () => {
    localStorage.setItem('r2w.signedIn', '1');
    const fetch = vi.fn().mockResolvedValue(json(200, { user, accessToken: 'token', expiresIn: 900 }));
    vi.stubGlobal('fetch', fetch);
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    await screen.findByText('signed in as jane@example.com');
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/auth/refresh');
  });

  it('forgets a session the API no longer knows', async () => {
    localStorage.setItem('r2w.signedIn', '1');
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(401, { error: { code: 'SESSION_REVOKED', message: 'ended' } })));
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    await screen.findByText('anonymous');
    await waitFor(() => expect(localStorage.getItem('r2w.signedIn')).toBeNull());
  });
});
