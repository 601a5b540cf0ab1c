import { useSearchParams } from 'react-router';
import { CheckoutReturn } from '@/features/payments/components/checkout-return';
import { PlanOffer } from '@/features/payments/components/plan-offer';

export default function PlanPage() {
  return (
    <div className="narrow">
      <h1>Your plan</h1>
      <PlanOffer />
    </div>
  );
}

export function PlanReturnPage() {
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <h1>Checkout</h1>
      <CheckoutReturn sessionId={params.get('session_id')} />
    </div>
  );
}
