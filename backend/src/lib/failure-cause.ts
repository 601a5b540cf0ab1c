import { isDatabaseUnreachable } from '../db/database-errors';
import { DependencyError } from '@r2w/cv-schema';

// Whether a failure may pass if the same work is tried again. Only causes outside the work
// itself do (a store or service that did not answer, a process that could not start); a
// file's own content or a bug gives the same answer on every try, so retrying it only
// spends time and starves other people's jobs.

/** A cause outside the work that may be gone next time: the job should be retried. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const AWS_TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'InternalFailure',
]);

interface AwsLikeError {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError || error instanceof DependencyError) return true;
  if (isDatabaseUnreachable(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as AwsLikeError;
  if (e.code !== undefined && NETWORK_CODES.has(e.code)) return true;
  if (e.$retryable || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.name !== undefined && AWS_TRANSIENT_NAMES.has(e.name)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isTransient(cause);
}
