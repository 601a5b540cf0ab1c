import { z } from 'zod';
import { ErrorBodySchema } from './common';

export const LivenessSchema = z.strictObject({ status: z.literal('alive') });
export type Liveness = z.infer<typeof LivenessSchema>;

const CheckSchema = z.union([
  z.strictObject({ status: z.literal('ok'), detail: z.string().optional().meta({ description: 'Why there is nothing to check in this mode.' }) }),
  z.strictObject({ status: z.literal('down'), error: z.string() }),
]);

export const ReadySchema = z.strictObject({ status: z.literal('ready'), checks: z.record(z.string(), CheckSchema) });

export const NotReadySchema = z.union([
  ErrorBodySchema.extend({ status: z.literal('unavailable'), failing: z.array(z.string()), checks: z.record(z.string(), CheckSchema) }),
  ErrorBodySchema.extend({ status: z.literal('stopping'), failing: z.tuple([z.literal('shutdown')]) }),
]);
export type Readiness = z.infer<typeof ReadySchema> | z.infer<typeof NotReadySchema>;
