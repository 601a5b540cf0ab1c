import { z } from 'zod';
import { ErrorCode } from '../errors';

// Shapes every part of the API shares. Response schemas describe the JSON as it travels
// (dates as ISO strings), so the types inferred from them are what a client receives.

/** A date and time as JSON carries it: ISO 8601 in UTC, as Date#toISOString writes it. */
export const TimestampSchema = z.iso.datetime();

const ERROR_CODES = Object.keys(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** Every refusal and failure: `{error:{code,message,details?}}`, with the status its code names. */
export const ErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES).meta({ description: 'Stable and machine-readable; each code has one HTTP status.' }),
      message: z.string().meta({ description: 'A sentence for the person using the client.' }),
      details: z
        .array(z.strictObject({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'With VALIDATION_FAILED from a schema: one entry per invalid field.' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** What went wrong with a CV's extraction or a build, kept on its record. */
export const FailureSchema = z.strictObject({ code: z.string(), message: z.string() });
