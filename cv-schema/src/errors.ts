// The one error type the application throws on purpose. Each carries a stable code and
// the HTTP status it maps to (part of the API contract); the backend's
// http/middleware/error-handler.ts is the only place that turns errors into responses.
export const ErrorCode = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  FILE_EMPTY: 400,
  WEBHOOK_SIGNATURE_INVALID: 400,
  RESET_TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  PAYMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  CV_NOT_READY: 409,
  SLUG_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  NOT_A_CV: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DEPENDENCY_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCode;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = ErrorCode[code];
  }
}

/** A store or service the request needs (database, Redis, S3, SQS, ECS) did not answer. */
export class DependencyError extends AppError {
  constructor(
    readonly dependency: string,
    cause: unknown,
  ) {
    super('DEPENDENCY_UNAVAILABLE', `The ${dependency} is not available right now; please try again shortly.`, undefined, { cause });
    this.name = 'DependencyError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
    this.name = 'NotFoundError';
  }
}
