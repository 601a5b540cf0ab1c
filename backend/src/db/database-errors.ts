// Prisma errors reach us as PrismaClientKnownRequestError (with a P-code) or, when the
// database cannot be reached, as an initialization error or a driver adapter error.
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const DRIVER_UNREACHABLE = /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|ECONNREFUSED|ETIMEDOUT|timeout exceeded when trying to connect|Connection terminated/i;

export interface PrismaLikeError {
  code?: string;
  name: string;
  message: string;
}

export function asPrismaError(error: unknown): PrismaLikeError | null {
  if (typeof error !== 'object' || error === null) return null;
  const name = (error as { name?: unknown }).name;
  if (typeof name !== 'string' || !/^(PrismaClient|DriverAdapterError)/.test(name)) return null;
  return error as PrismaLikeError;
}

/** The database did not answer (as opposed to refusing a query). */
export function isDatabaseUnreachable(error: unknown): boolean {
  const prisma = asPrismaError(error);
  if (!prisma) return false;
  return (
    (prisma.code !== undefined && PRISMA_UNREACHABLE.has(prisma.code)) ||
    prisma.name === 'PrismaClientInitializationError' ||
    DRIVER_UNREACHABLE.test(prisma.message) ||
    DRIVER_UNREACHABLE.test(String((prisma as { cause?: unknown }).cause ?? ''))
  );
}
