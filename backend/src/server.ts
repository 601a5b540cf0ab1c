import type { Server } from 'node:http';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config/env';
import { createContainer } from './container';
import { migrateDatabase } from './db/migrate';
import { createLogger } from './observability/logger';
import { startExtractionWorker } from './worker/start-extraction-worker';

// Entry point of the API process: configuration, migrations (local mode), listen,
// and a graceful stop on SIGTERM (ECS) or Ctrl-C.
function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel, service: 'r2w-api' });
  if (config.database.migrateOnStart) await migrateDatabase(config.database.url, logger);

  const container = createContainer(config, { logger });
  const app = buildApp(container);
  const worker = config.worker.inProcess ? startExtractionWorker(container) : null;
  const server: Server = app.listen(config.port, config.host, () => {
    const what = config.web.dir ? 'Resume2Website' : 'Resume2Website API (SPA not built: run npm run build, or open the Vite dev server)';
    logger.info(`${what} listening on http://localhost:${config.port}`, {
      database: config.database.provider,
      sessions: container.sessions.kind,
      storage: container.storage.kind,
      queue: container.queue.kind,
      taskRunner: container.taskRunner.kind,
      sitePointers: container.sitePointers.kind,
      web: config.web.dir ?? 'not served',
    });
  });
  server.on('error', (error) => {
    logger.error('could not listen', { err: error.message, port: config.port });
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // Give in-flight requests a few seconds, then close the stores.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await worker?.stop();
      await container.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
