import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { SessionStatusResponse } from '@r2w/cv-schema/api';
import { formatPrice } from '../api/payments';
import { CheckoutReturn } from '../components/checkout-return';

function answering(...answers: SessionStatusResponse[]) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(answers.length > 1 ? answers.shift() : answers[0]), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function show(sessionId: string | null) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <CheckoutReturn sessionId={sessionId} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the checkout return page', () => {
  it('asks again until the webhook has granted the plan, then says so', async () => {
    const fetch = answering({ status: 'complete', paymentStatus: 'paid', plan: 'free' }, { status: 'complete', paymentStatus: 'paid', plan: 'paid' });
    show('cs_test_1');
    expect(await screen.findByText('Payment received; unlocking publishing…')).toBeTruthy();
    expect(await screen.findByText('Payment received: the plan is yours and publishing is unlocked.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/v1/payments/session-status/cs_test_1', '/api/v1/payments/session-status/cs_test_1']);
  });

  it('offers to start again when the checkout expired, and explains a missing session', async () => {
    answering({ status: 'expired', paymentStatus: 'unpaid', plan: 'free' });
    show('cs_test_2');
    expect(await screen.findByText(/This checkout has expired and nothing was charged/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start again' }).getAttribute('href')).toBe('/plan');
  });

  it('explains a visit without a session', () => {
    show(null);
    expect(screen.getByRole('alert').textContent).toMatch(/needs the checkout session/);
  });
});

describe('prices', () => {
  it('shows minor units in the currency’s own decimals', () => {
    expect(formatPrice({ amount: 900, currency: 'eur' })).toMatch(/9[.,]00/);
    expect(formatPrice({ amount: 900, currency: 'jpy' })).toMatch(/900/);
    expect(formatPrice({ amount: 900, currency: 'jpy' })).not.toMatch(/9[.,]00/);
  });
});
