import { ConfigError, loadConfig } from './config/env';
import { createContainer } from './container';
import { stopOnSignals } from './http/graceful-stop';
import { createAppLogger } from './observability/logger';
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
  const logger = createAppLogger(config, 'r2w-worker');
  const container = createContainer(config, { logger, service: 'r2w-worker' });
  const worker = startExtractionWorker(container);

  stopOnSignals({
    graceSeconds: config.shutdownGraceSeconds,
    logger,
    announce: 'worker shutting down; finishing jobs in hand',
    // Jobs still running near the end are handed back to the queue for another worker.
    drain: ({ jobGraceMs }) => worker.stop({ graceMs: jobGraceMs }),
    close: () => container.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
