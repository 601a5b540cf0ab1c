import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { asPrismaError, isDatabaseUnreachable } from '../../db/database-errors';
import { AppError, DependencyError, type ErrorCode } from '@r2w/cv-schema';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { sendErrorPage, wantsErrorPage } from './error-page';

// The one place where errors become HTTP responses: {error:{code,message,details?}}.

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && 'expose' in error;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI|ERR_ZLIB)/.test(code);
}

// The first problem named by its field ("contact.email: Enter an e-mail address, …"), so a client
// that shows only the message still tells the person where to look; `details` lists them all.
function validationMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const [first] = issues;
  if (!first) return 'Some fields are missing or invalid.';
  const field = first.path.map(String).join('.');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${field ? `${field}: ` : ''}${first.message}${more}.`.replace(/\.\.$/, '.');
}

export function mapError(error: unknown): Mapped & { dependency?: string } {
  if (error instanceof DependencyError) return { status: error.status, code: error.code, message: error.message, dependency: error.dependency };
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (error instanceof ZodError) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: validationMessage(error.issues),
      details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  // Express's router decodes path parameters and reports a bad %-sequence as a URIError.
  if (error instanceof URIError) return { status: 400, code: 'VALIDATION_FAILED', message: 'The address contains an invalid percent-encoded character.' };
  // A body sent with Content-Encoding gzip/deflate/br that does not decompress: zlib's own error.
  if (isZlibError(error)) return { status: 400, code: 'VALIDATION_FAILED', message: 'The request body could not be decompressed (check its Content-Encoding).' };
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
    if (error.type === 'entity.too.large') {
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the ${error.limit ?? ''} bytes allowed.`.replace('  ', ' ') };
    }
    if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be UTF-8 JSON.' };
    }
    return { status: 400, code: 'VALIDATION_FAILED', message: 'The request body could not be read.' };
  }
  const prisma = asPrismaError(error);
  if (prisma?.code === 'P2002') return { status: 409, code: 'CONFLICT', message: 'That already exists.' };
  if (prisma?.code === 'P2025') return { status: 404, code: 'NOT_FOUND', message: 'That was not found.' };
  if (isDatabaseUnreachable(error)) {
    const mapped = new DependencyError('database', error);
    return { status: mapped.status, code: mapped.code, message: mapped.message, dependency: 'database' };
  }
  return { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged; please try again.' };
}

/** `homeHref`: where the HTML error pages (error-page.ts) link to, the app's home page. */
export function errorHandler(logger: Logger, metrics: Metrics, options: { homeHref: string }): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const mapped = mapError(error);
    if (mapped.dependency) metrics.dependencyFailures.inc({ dependency: mapped.dependency });
    if (mapped.status >= 500) {
      logger.error('request failed', { code: mapped.code, err: error instanceof Error ? { message: error.message, stack: error.stack, cause: String(error.cause ?? '') } : String(error) });
    } else {
      logger.info('request refused', { code: mapped.code, status: mapped.status });
    }
    if (wantsErrorPage(req, res)) {
      metrics.errorPages.inc({ status: String(mapped.status) });
      sendErrorPage(res, mapped.status, mapped.message, options.homeHref);
      return;
    }
    res.status(mapped.status).json({ error: { code: mapped.code, message: mapped.message, ...(mapped.details === undefined ? {} : { details: mapped.details }) } });
  };
}

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('ROUTE_NOT_FOUND', `There is no ${req.method} ${req.path} here.`));
};
