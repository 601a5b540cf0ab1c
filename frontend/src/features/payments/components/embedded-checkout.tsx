import { useEffect, useRef, useState } from 'react';
import { loadStripe } from '@stripe/stripe-js';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { createCheckoutSession } from '../api/payments';

// Where the customer goes back to once the plan is theirs (the return page links there).
const RETURN_TO_KEY = 'r2w:checkout-return-to';

export function rememberReturnTo(path: string): void {
  sessionStorage.setItem(RETURN_TO_KEY, path);
}

export function returnToPath(): string {
  return sessionStorage.getItem(RETURN_TO_KEY) ?? '/dashboard';
}

/** Stripe's Embedded Checkout for the plan; Stripe sends the customer to /plan/return when it is done. */
export function EmbeddedCheckout({ publishableKey }: { publishableKey: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');

  useEffect(() => {
    let destroy: (() => void) | null = null;
    let cancelled = false;
    rememberReturnTo(window.location.pathname);
    (async () => {
      const stripe = await loadStripe(publishableKey);
      if (!stripe) throw new Error('Stripe could not be loaded.');
      const checkout = await stripe.createEmbeddedCheckoutPage({ fetchClientSecret: () => createCheckoutSession().then((session) => session.clientSecret) });
      if (cancelled) return checkout.destroy();
      destroy = () => checkout.destroy();
      checkout.mount(container.current!);
      setState('ready');
    })().catch((error: unknown) => {
      if (!cancelled) setState(error instanceof Error ? error : new Error('Checkout could not start.'));
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [publishableKey]);

  return (
    <div className="checkout">
      {state === 'loading' ? <Loading /> : null}
      {state instanceof Error ? <ErrorNote error={state} /> : null}
      <div ref={container} data-testid="embedded-checkout" />
    </div>
  );
}
