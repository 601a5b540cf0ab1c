import { ConfigError, loadConfig } from './config/env';
import { createContainer } from './container';
import { createLogger } from './observability/logger';
import { startExtractionWorker } from './worker/start-extraction-worker';

// Entry point of the extraction worker as its own process (`npm run worker`; the worker
// service in AWS). Locally the API process runs the same worker itself.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, service: 'r2w-worker' });
  const container = createContainer(config, { logger });
  const worker = startExtractionWorker(container);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceSeconds * 1000;
    logger.info('worker shutting down; finishing jobs in hand', { signal, graceSeconds: config.shutdownGraceSeconds });
    const force = setTimeout(() => {
      logger.error('worker shutdown did not finish in time; exiting');
      process.exit(1);
    }, graceMs + 2000);
    // Jobs still running near the end are handed back to the queue for another worker.
    await worker.stop({ graceMs: Math.max(graceMs - 3000, 1000) });
    await container.close();
    logger.info('worker stopped');
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
