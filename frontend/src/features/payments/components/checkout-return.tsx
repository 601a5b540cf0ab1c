import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PAID_PLAN } from '@r2w/cv-schema/api';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { paymentKeys, useSessionStatus } from '../api/payments';
import { returnToPath } from './embedded-checkout';

/** Where Stripe sends the customer back: waits until the payment has unlocked the plan. */
export function CheckoutReturn({ sessionId }: { sessionId: string | null }) {
  const status = useSessionStatus(sessionId);
  const queryClient = useQueryClient();
  const paid = status.data?.plan === PAID_PLAN;
  useEffect(() => {
    if (paid) void queryClient.invalidateQueries({ queryKey: paymentKeys.plan });
  }, [paid, queryClient]);

  if (!sessionId) return <ErrorNote>This page needs the checkout session Stripe sends back. Start again from the plan page.</ErrorNote>;
  if (status.error) return <ErrorNote error={status.error} />;
  if (!status.data) return <Loading />;
  if (paid) {
    return (
      <div role="status" className="published">
        <p>Payment received: the plan is yours and publishing is unlocked.</p>
        <Link to={returnToPath()}>Back to your website</Link>
      </div>
    );
  }
  if (status.data.status === 'open') {
    return (
      <p>
        The payment was not completed. <Link to="/plan">Try again</Link>
      </p>
    );
  }
  if (status.data.status === 'expired') {
    return (
      <p>
        This checkout has expired and nothing was charged. <Link to="/plan">Start again</Link>
      </p>
    );
  }
  return (
    <p role="status" aria-busy="true">
      {status.data.paymentStatus === 'unpaid' ? 'Your payment is being processed; this page updates when it clears.' : 'Payment received; unlocking publishing…'}
    </p>
  );
}
