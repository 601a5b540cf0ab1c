import type { AppError } from '@r2w/cv-schema';

// Who may publish. Until payments arrive every signed-in user may; the paid-plan check
// (throwing PAYMENT_REQUIRED, 403) goes here and nowhere else.
export function publishRefusal(_user: { plan: string }): AppError | null {
  return null;
}
