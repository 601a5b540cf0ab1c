import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../components/auth-provider';
import { ForgotPasswordForm } from '../components/forgot-password-form';
import { Farewell, ResetPassword } from '@/app/routes/auth-pages';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const noSession = json(401, { error: { code: 'UNAUTHENTICATED', message: 'no session' } });
const user = { id: 'u1', email: 'jane@example.com', name: null, plan: 'free', createdAt: '2026-01-01T00:00:00Z' };

function stubApi(answers: Record<string, Response>) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => answers[new URL(url, 'http://x').pathname]?.clone() ?? json(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } }));
  vi.stubGlobal('fetch', fetch);
  const bodyOf = (path: string) => JSON.parse(String(fetch.mock.calls.find(([url]) => url.endsWith(path))?.[1]?.body)) as unknown;
  return { fetch, bodyOf };
}

function renderResetPage(entry: string) {
  return render(
    <AuthProvider>
      <MemoryRouter initialEntries={[entry]}>
        <Routes>
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/dashboard" element={<h1>Dashboard</h1>} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('asking for a reset link', () => {
  it('checks the address first, then says the link is on its way', async () => {
    const { fetch, bodyOf } = stubApi({ '/api/v1/auth/password-reset/request': json(202, { message: 'If an account uses this address, an e-mail is on its way.' }) });
    render(<ForgotPasswordForm />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'jane');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect(screen.getByText('Enter your e-mail address, like name@example.com.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('E-mail'), '@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^If an account uses this address, an e-mail is on its way\. Check your inbox/);
    expect(bodyOf('/password-reset/request')).toEqual({ email: 'jane@example.com' });
  });

  it('says when too many links were asked for', async () => {
    stubApi({
      '/api/v1/auth/password-reset/request': json(429, { error: { code: 'RATE_LIMITED', message: 'Too many password reset e-mails were asked for this address. Try again in 60 minutes.' } }),
    });
    render(<ForgotPasswordForm initialEmail="jane@example.com" />);
    await userEvent.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Too many password reset e-mails/);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the reset page', () => {
  it('sends the token from the link’s fragment with the new password, then goes to the dashboard signed in', async () => {
    const { bodyOf } = stubApi({ '/api/v1/auth/refresh': noSession, '/api/v1/auth/password-reset': json(200, { user, accessToken: 'access', refreshToken: 'r.t', expiresIn: 900 }) });
    renderResetPage('/reset-password#token=abcdefghijklmnopqrstuvwxyz_-0123456789ABCDEFG');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('New password'), ' but now long enough');
    await userEvent.click(screen.getByRole('button', { name: 'Set my new password' }));
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(bodyOf('/auth/password-reset')).toEqual({ token: 'abcdefghijklmnopqrstuvwxyz_-0123456789ABCDEFG', password: 'short but now long enough' });
  });

  it('offers a new link when the link no longer works', async () => {
    stubApi({
      '/api/v1/auth/refresh': noSession,
      '/api/v1/auth/password-reset': json(400, {
        error: { code: 'RESET_TOKEN_INVALID', message: 'This password reset link does not work: it is unknown, has expired or was used already. Ask for a new one.' },
      }),
    });
    renderResetPage('/reset-password#token=abcdefghijklmnopqrstuvwxyz');
    await userEvent.type(screen.getByLabelText('New password'), 'long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/has expired or was used already/);
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
    expect(screen.queryByRole('heading', { name: 'Dashboard' })).toBeNull();
  });

  it('explains itself when opened without a link', async () => {
    const { fetch } = stubApi({ '/api/v1/auth/refresh': noSession });
    renderResetPage('/reset-password');
    expect(screen.getByRole('alert').textContent).toMatch(/needs the link from your password reset e-mail/);
    expect(screen.queryByLabelText('New password')).toBeNull();
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => url)).not.toContain('/api/v1/auth/password-reset'));
  });
});

describe('the confirmations after leaving', () => {
  it.each([
    ['signed-out', 'You are signed out', /signed out of Resume2Website/],
    ['account-deleted', 'Your account has been deleted', /every website made from them are deleted/],
  ] as const)('%s says what happened', (what, heading, sentence) => {
    render(
      <MemoryRouter>
        <Farewell what={what} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
    expect(screen.getByRole('status').textContent).toMatch(sentence);
  });
});
