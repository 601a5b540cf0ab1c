import { AppError } from '@r2w/cv-schema';
import { PAID_PLAN } from '@r2w/cv-schema/api';

// Who may publish: with payments on, users with the paid plan; with payments off (no
// Stripe settings, or PAYMENTS=off) every signed-in user.
export function publishRefusal(user: { plan: string }, needsPlan: boolean): AppError | null {
  if (!needsPlan || user.plan === PAID_PLAN) return null;
  return new AppError('PAYMENT_REQUIRED', 'Publishing needs the paid plan: buy it on the plan page, then publish again.');
}
