import type { CheckoutSessionResponse, MeResponse, PaymentsConfig, SessionStatusResponse } from '@r2w/cv-schema/api';
import { PAID_PLAN } from '@r2w/cv-schema/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const paymentKeys = {
  config: ['payments', 'config'] as const,
  plan: ['payments', 'plan'] as const,
  session: (id: string) => ['payments', 'session', id] as const,
};

const POLL_MS = 1500;

export const getPaymentsConfig = () => api<PaymentsConfig>('/api/v1/payments/config');
export const createCheckoutSession = () => api<CheckoutSessionResponse>('/api/v1/payments/checkout-session', { method: 'POST' });
export const getSessionStatus = (id: string) => api<SessionStatusResponse>(`/api/v1/payments/session-status/${encodeURIComponent(id)}`);

export function usePaymentsConfig() {
  return useQuery({ queryKey: paymentKeys.config, queryFn: getPaymentsConfig, staleTime: Infinity });
}

/** The signed-in user's plan as the API has it now (the session's copy is as old as the sign-in). */
export function usePlan() {
  return useQuery({ queryKey: paymentKeys.plan, queryFn: () => api<MeResponse>('/api/v1/auth/me').then((r) => r.user.plan) });
}

/** Follows a checkout session until Stripe's webhook has granted the plan, or the session has ended without it. */
export function useSessionStatus(id: string | null) {
  return useQuery({
    queryKey: paymentKeys.session(id ?? ''),
    queryFn: () => getSessionStatus(id!),
    enabled: id !== null,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return query.state.error ? false : POLL_MS;
      return data.plan === PAID_PLAN || data.status === 'expired' || (data.status === 'complete' && data.paymentStatus === 'no_payment_required') ? false : POLL_MS;
    },
  });
}

export function formatPrice(plan: { amount: number; currency: string }): string {
  // Minor units: most currencies have two decimals; Intl knows the exceptions (JPY has none).
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: plan.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: plan.currency }).format(plan.amount / 10 ** digits);
}
