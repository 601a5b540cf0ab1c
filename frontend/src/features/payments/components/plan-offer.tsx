import { useState } from 'react';
import { Link } from 'react-router';
import { PAID_PLAN } from '@r2w/cv-schema/api';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { formatPrice, usePaymentsConfig, usePlan } from '../api/payments';
import { EmbeddedCheckout } from './embedded-checkout';

/** The paid plan: what it costs and does, and checkout to buy it (open at once when `startOpen`). */
export function PlanOffer({ startOpen = false }: { startOpen?: boolean }) {
  const config = usePaymentsConfig();
  const plan = usePlan();
  const [open, setOpen] = useState(startOpen);
  if (config.isPending || plan.isPending) return <Loading />;
  if (config.error || plan.error) return <ErrorNote error={config.error ?? plan.error} />;
  if (!config.data.enabled) return <p>Publishing is free here: no plan is needed.</p>;
  if (plan.data === PAID_PLAN) {
    return (
      <p role="status">
        The {config.data.plan.name} plan is yours: publishing is unlocked. <Link to="/dashboard">Go to your websites</Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="plan-heading" className="panel plan-offer">
      <h2 id="plan-heading">
        {config.data.plan.name}: {formatPrice(config.data.plan)}, paid once
      </h2>
      <p>Publishing your website needs the {config.data.plan.name} plan. It is a one-off payment; your sites stay online as long as you have it.</p>
      {open ? <EmbeddedCheckout publishableKey={config.data.publishableKey} /> : <Button onClick={() => setOpen(true)}>Buy the {config.data.plan.name} plan</Button>}
    </section>
  );
}
