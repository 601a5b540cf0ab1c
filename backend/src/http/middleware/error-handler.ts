import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, DependencyError, type ErrorCode } from '../../lib/errors';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

// The one place where errors become HTTP responses: {error:{code,message,details?}}.

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

// Prisma errors reach us as PrismaClientKnownRequestError (with a P-code) or, when the
// database cannot be reached, as an initialization error or a driver adapter error.
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const DRIVER_UNREACHABLE = /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|ECONNREFUSED|ETIMEDOUT|timeout exceeded when trying to connect|Connection terminated/i;

function asPrismaError(error: unknown): { code?: string; name: string; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const name = (error as { name?: unknown }).name;
  if (typeof name !== 'string' || !/^(PrismaClient|DriverAdapterError)/.test(name)) return null;
  return error as { code?: string; name: string; message: string };
}

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && 'expose' in error;
}

export function mapError(error: unknown): Mapped & { dependency?: string } {
  if (error instanceof DependencyError) return { status: error.status, code: error.code, message: error.message, dependency: error.dependency };
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (error instanceof ZodError) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are missing or invalid.',
      details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
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
  if (prisma) {
    if (prisma.code === 'P2002') return { status: 409, code: 'CONFLICT', message: 'That already exists.' };
    if (prisma.code === 'P2025') return { status: 404, code: 'NOT_FOUND', message: 'That was not found.' };
    if (
      (prisma.code && PRISMA_UNREACHABLE.has(prisma.code)) ||
      prisma.name === 'PrismaClientInitializationError' ||
      DRIVER_UNREACHABLE.test(prisma.message) ||
      DRIVER_UNREACHABLE.test(String((prisma as { cause?: unknown }).cause ?? ''))
    ) {
      const mapped = new DependencyError('database', error);
      return { status: mapped.status, code: mapped.code, message: mapped.message, dependency: 'database' };
    }
  }
  return { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged; please try again.' };
}

export function errorHandler(logger: Logger, metrics: Metrics): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const mapped = mapError(error);
    if (mapped.dependency) metrics.dependencyFailures.inc({ dependency: mapped.dependency });
    if (mapped.status >= 500) {
      logger.error('request failed', { code: mapped.code, err: error instanceof Error ? { message: error.message, stack: error.stack, cause: String(error.cause ?? '') } : String(error) });
    } else {
      logger.info('request refused', { code: mapped.code, status: mapped.status });
    }
    res.status(mapped.status).json({ error: { code: mapped.code, message: mapped.message, ...(mapped.details === undefined ? {} : { details: mapped.details }) } });
  };
}

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('ROUTE_NOT_FOUND', `There is no ${req.method} ${req.path} here.`));
};
