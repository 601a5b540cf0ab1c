import { z } from 'zod';

// The paid plan that unlocks publishing, bought once through Stripe Embedded Checkout.

/** User.plan of an account that has bought the plan; every other account has `free`. */
export const PAID_PLAN = 'paid';
export const FREE_PLAN = 'free';

export const PlanSchema = z
  .strictObject({
    name: z.string(),
    amount: z.int().positive().meta({ description: 'The one-off price in the currency’s minor units (900 = 9.00).' }),
    currency: z.string().length(3).meta({ description: 'ISO 4217, lower case.' }),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof PlanSchema>;

export const PaymentsConfigSchema = z
  .discriminatedUnion('enabled', [
    z.strictObject({ enabled: z.literal(false) }).meta({ description: 'Payments are off: publishing is free.' }),
    z.strictObject({
      enabled: z.literal(true),
      provider: z.literal('stripe'),
      publishableKey: z.string().meta({ description: 'For Stripe.js (loadStripe).' }),
      plan: PlanSchema,
    }),
  ])
  .meta({ id: 'PaymentsConfig' });
export type PaymentsConfig = z.infer<typeof PaymentsConfigSchema>;

export const CheckoutSessionResponseSchema = z.strictObject({
  sessionId: z.string(),
  clientSecret: z.string().meta({ description: 'For Stripe.js embedded checkout (fetchClientSecret).' }),
});
export type CheckoutSessionResponse = z.infer<typeof CheckoutSessionResponseSchema>;

export const SessionStatusParamsSchema = z.object({
  id: z
    .string()
    .regex(/^cs_\w{1,250}$/, 'must be a checkout session id (cs_…)')
    .meta({ description: 'The checkout session id the return URL carries.' }),
});

export const SessionStatusResponseSchema = z.strictObject({
  status: z.enum(['open', 'complete', 'expired']),
  paymentStatus: z.enum(['paid', 'unpaid', 'no_payment_required']),
  plan: z.string().meta({ description: 'The user’s plan now: `paid` once the payment’s webhook has been handled.' }),
});
export type SessionStatusResponse = z.infer<typeof SessionStatusResponseSchema>;

export const WebhookResponseSchema = z.strictObject({ received: z.literal(true) });
