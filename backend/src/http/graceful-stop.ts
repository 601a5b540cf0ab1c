import type { Server } from 'node:http';
import { flushLogs } from '../observability/cloudwatch-logs';
import type { Logger } from '../observability/logger';

// Stopping a server the way ECS expects (SIGTERM, then SIGKILL 30 s later): refuse new
// connections, let requests in flight finish, close keep-alive connections as soon as
// they fall idle (server.close() alone only closes the ones idle at that moment, and a
// load balancer's pooled connections would hold the process open), and give up on
// stragglers at the deadline.

const IDLE_SWEEP_MS = 100;

/** Resolves when every connection is closed, or at `deadline` after cutting the rest. */
export function closeServer(server: Server, deadline: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const cut = () => server.closeAllConnections();
    deadline.addEventListener('abort', cut, { once: true });
    server.close(() => {
      clearInterval(sweep);
      deadline.removeEventListener('abort', cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export interface SignalStopOptions {
  graceSeconds: number;
  logger: Logger;
  /** The first log line of the stop, e.g. "shutting down: draining requests". */
  announce: string;
  /** Called first: e.g. readiness turns 503 and event streams end. */
  onStop?: () => void;
  /** Everything to finish; jobs get `jobGraceMs`, a few seconds less than the whole grace, to hand work back in time. */
  drain: (limits: { deadline: AbortSignal; jobGraceMs: number }) => Promise<unknown>;
  close: () => Promise<void>;
}

/**
 * Stops once on SIGTERM (how ECS stops a task, killing it 30 s later) or Ctrl-C: drains,
 * closes, and exits 0; exits 1 when that fails or has not finished two seconds after the
 * grace period, since nothing past it is worth waiting for.
 */
export function stopOnSignals(options: SignalStopOptions): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const { graceSeconds, logger } = options;
    const graceMs = graceSeconds * 1000;
    logger.info(options.announce, { signal, graceSeconds });
    options.onStop?.();
    const force = setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, graceMs + 2000);
    try {
      await options.drain({ deadline: AbortSignal.timeout(graceMs), jobGraceMs: Math.max(graceMs - 3000, 1000) });
      await options.close();
      logger.info('stopped');
      // Lines batched for CloudWatch Logs (when configured) would die with the process.
      await flushLogs(logger);
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { err: error instanceof Error ? error.message : String(error) });
      await flushLogs(logger);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
