import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuthForm } from '../components/auth-form';
import { AuthProvider } from '../components/auth-provider';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(answers: Record<string, Response>) {
  const fetch = vi.fn(async (url: string) => answers[new URL(url, 'http://x').pathname]?.clone() ?? json(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } }));
  vi.stubGlobal('fetch', fetch);
  const onDone = vi.fn();
  return { fetch, onDone };
}

const noSession = json(401, { error: { code: 'UNAUTHENTICATED', message: 'no session' } });

describe('sign-up form', () => {
  it('says what is wrong beside each field before asking the API', async () => {
    const { fetch, onDone } = setup({ '/api/v1/auth/refresh': noSession });
    render(
      <AuthProvider>
        <AuthForm mode="sign-up" onDone={onDone} />
      </AuthProvider>,
    );
    await userEvent.type(screen.getByLabelText('E-mail'), 'not-an-address');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter your e-mail address, like name@example.com.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(fetch.mock.calls.map(([url]) => url)).not.toContain('/api/v1/auth/register');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows the API refusal (e-mail taken) as a sentence and stays on the form', async () => {
    const { onDone } = setup({
      '/api/v1/auth/refresh': noSession,
      '/api/v1/auth/register': json(409, { error: { code: 'EMAIL_TAKEN', message: 'An account with this e-mail already exists; sign in instead.' } }),
    });
    render(
      <AuthProvider>
        <AuthForm mode="sign-up" onDone={onDone} />
      </AuthProvider>,
    );
    await userEvent.type(screen.getByLabelText('E-mail'), 'jane@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('An account with this e-mail already exists; sign in instead.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('signs in, runs the sign-in hook (claiming uploads) first, then finishes', async () => {
    const user = { id: 'u1', email: 'jane@example.com', name: null, plan: 'free', createdAt: '2026-01-01T00:00:00Z' };
    const { onDone } = setup({ '/api/v1/auth/refresh': noSession, '/api/v1/auth/login': json(200, { user, accessToken: 'token', expiresIn: 900 }) });
    const order: string[] = [];
    render(
      <AuthProvider onSignedIn={async () => void order.push('claimed')}>
        <AuthForm mode="sign-in" onDone={() => (order.push('done'), onDone())} />
      </AuthProvider>,
    );
    await userEvent.type(screen.getByLabelText('E-mail'), 'jane@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(order).toEqual(['claimed', 'done']);
  });
});
