import type { PurchaseStatus } from '../../adapters/payments/payment-provider';

// A purchase only moves forward: pending → paid or failed → refunded. Events about it may
// come in any order and more than once, and each moves it to the later of where it is and
// what the event says, so every order ends in the same state. A refund is final: a
// completion that arrives after it (or is replayed) cannot bring the plan back.
const RANK: Record<PurchaseStatus, number> = { pending: 0, paid: 1, failed: 1, refunded: 2 };

/** The states a purchase may be in for `next` to move it on. */
export function statesBefore(next: PurchaseStatus): PurchaseStatus[] {
  return (Object.keys(RANK) as PurchaseStatus[]).filter((status) => RANK[status] < RANK[next]);
}
