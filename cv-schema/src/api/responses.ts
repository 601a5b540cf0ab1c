import { z } from 'zod';
import type { ZodOpenApiContentObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ErrorBodySchema } from './common';

// Building blocks of the operations table (paths.ts): answers with a JSON body, and the
// refusals each operation can give, all with the one error body.

export function json(schema: z.ZodType): ZodOpenApiContentObject {
  return { 'application/json': { schema } };
}

export function answer(description: string, schema: z.ZodType): ZodOpenApiResponseObject {
  return { description, content: json(schema) };
}

const REFUSALS = {
  400: 'VALIDATION_FAILED (details name each invalid field; also for bad percent-encoding in the address), MALFORMED_JSON or FILE_EMPTY.',
  401: 'UNAUTHENTICATED, INVALID_TOKEN or SESSION_REVOKED: sign in, or refresh the access token.',
  403: 'FORBIDDEN.',
  404: 'NOT_FOUND: it does not exist, or it is not yours.',
  409: 'CONFLICT.',
  413: 'PAYLOAD_TOO_LARGE: the body is larger than this route takes.',
  415: 'UNSUPPORTED_MEDIA_TYPE: send JSON (Content-Type: application/json).',
  422: 'UNPROCESSABLE.',
  429: 'RATE_LIMITED: over a rate limit or a quota.',
} as const;

export type RefusalStatus = keyof typeof REFUSALS;

/** An error answer; `description` names its codes where the general one says too little. */
export function refusal(status: RefusalStatus | 500 | 503, description?: string): ZodOpenApiResponseObject {
  const general =
    status === 500 ? 'INTERNAL: a fault on our side; it is logged.' : status === 503 ? 'DEPENDENCY_UNAVAILABLE: a store or service the API needs did not answer; try again shortly.' : REFUSALS[status];
  const response: ZodOpenApiResponseObject = { description: description ?? general, content: json(ErrorBodySchema) };
  if (status === 429) response.headers = z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait before trying again.' }) });
  return response;
}

/** The refusals named, plus the server-side failures any operation can meet. */
export function refusals(...statuses: RefusalStatus[]): ZodOpenApiResponsesObject {
  return Object.fromEntries([...statuses, 500 as const, 503 as const].map((status) => [status, refusal(status)]));
}
