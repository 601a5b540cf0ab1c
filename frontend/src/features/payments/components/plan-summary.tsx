import { Link } from 'react-router';
import { PAID_PLAN } from '@r2w/cv-schema/api';
import { usePaymentsConfig, usePlan } from '../api/payments';

/** The user's plan in a few words, for the account page. */
export function PlanSummary() {
  const config = usePaymentsConfig();
  const plan = usePlan();
  if (!config.data || plan.data === undefined) return <>…</>;
  if (!config.data.enabled) return <>Free (publishing is free here)</>;
  if (plan.data === PAID_PLAN) return <>{config.data.plan.name}: publishing unlocked</>;
  return (
    <>
      Free. <Link to="/plan">Get {config.data.plan.name} to publish</Link>
    </>
  );
}
