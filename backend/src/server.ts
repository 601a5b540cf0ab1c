import type { Server } from 'node:http';
import { setMaxListeners } from 'node:events';
import express from 'express';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config/env';
import { createContainer } from './container';
import { migrateDatabase } from './db/migrate';
import { closeServer, stopOnSignals } from './http/graceful-stop';
import { flushLogs } from './observability/cloudwatch-logs';
import { createAppLogger } from './observability/logger';
import { metricsRouter } from './routes/metrics/metrics.router';
import { startExtractionWorker } from './worker/start-extraction-worker';

// Entry point of the API process: configuration, migrations (local mode), listen (and a
// metrics port when configured), and a graceful stop on SIGTERM (ECS) or Ctrl-C.
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
  const logger = createAppLogger(config, 'r2w-api');
  if (config.database.migrateOnStart) await migrateDatabase(config.database.url, logger);

  const container = createContainer(config, { logger });
  const stopping = new AbortController();
  // Every open event stream listens for the stop; that is not a leak however many there are.
  setMaxListeners(0, stopping.signal);
  const app = buildApp(container, { stopping: stopping.signal });
  const worker = config.worker.inProcess ? startExtractionWorker(container) : null;
  const listenFailed = (what: string, port: number) => (error: Error) => {
    logger.error(`could not listen (${what})`, { err: error.message, port });
    void flushLogs(logger).finally(() => process.exit(1));
  };
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
      metrics: config.metrics.port === null ? `/metrics on this port${config.metrics.token ? ' (bearer token)' : ''}` : `port ${config.metrics.port}`,
    });
  });
  server.on('error', listenFailed('api', config.port));
  const metricsServer =
    config.metrics.port === null
      ? null
      : express()
          .use(metricsRouter({ metrics: container.metrics, token: null }))
          .listen(config.metrics.port, config.host);
  metricsServer?.on('error', listenFailed('metrics', config.metrics.port ?? 0));

  stopOnSignals({
    graceSeconds: config.shutdownGraceSeconds,
    logger,
    announce: 'shutting down: draining requests, event streams and jobs',
    // Readiness turns 503 and event streams end (clients reconnect to another replica).
    onStop: () => stopping.abort(),
    drain: ({ deadline, jobGraceMs }) =>
      Promise.all([
        closeServer(server, deadline),
        metricsServer ? closeServer(metricsServer, deadline) : undefined,
        // Jobs still running near the end are handed back to the queue for another worker.
        worker?.stop({ graceMs: jobGraceMs }),
        // Mail still on its way (a reset link is sent after its answer), within the grace period.
        container.mail.settled(deadline).then((unsent) => {
          if (unsent > 0) logger.error('mail still being sent when the process stopped', { messages: unsent });
        }),
      ]),
    close: () => container.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
