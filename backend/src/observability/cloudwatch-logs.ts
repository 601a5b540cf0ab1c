import { hostname } from 'node:os';
import type winston from 'winston';
import type { Config } from '../config/env';
import type { Logger } from './logger';

// The winston-cloudwatch transport, for hosts where nothing ships stdout to CloudWatch Logs.
// In ECS the awslogs driver already does (and EMF records ride that stream), so there this is
// only worth enabling for a log group of its own. The transport batches lines and uploads them
// every UPLOAD_MS; flushLogs() sends what is left before the process exits.

const UPLOAD_MS = 2000;

interface CloudWatchTransport extends winston.transport {
  kthxbye(callback: (error?: Error) => void): void;
}

/** One stream per process unless CLOUDWATCH_LOG_STREAM names one: several replicas never share a sequence. */
export function defaultLogStream(service: string): string {
  return `${service}/${hostname()}/${process.pid}`.replace(/[:*]/g, '-');
}

/** The transports the configuration asks for beyond the console: CloudWatch Logs, or none. */
export function configuredLogTransports(config: Pick<Config, 'observability' | 'aws' | 'logLevel'>, service: string): winston.transport[] {
  const target = config.observability.cloudWatchLogs;
  if (!target || config.logLevel === 'silent') return [];
  // Loaded only when chosen: the CloudWatch Logs SDK is start-up time a local process would pay for nothing.
  const WinstonCloudWatch = require('winston-cloudwatch') as new (options: Record<string, unknown>) => CloudWatchTransport;
  return [
    new WinstonCloudWatch({
      level: config.logLevel,
      logGroupName: target.group,
      logStreamName: target.stream ?? defaultLogStream(service),
      // Each event is the whole JSON line, as on stdout (request id, service, level, timestamp).
      jsonMessage: true,
      uploadRate: UPLOAD_MS,
      // Credentials from the default chain (the task role); region and endpoint as every AWS adapter.
      awsOptions: { region: config.aws.region ?? 'us-east-1', endpoint: config.aws.endpoint },
      // The transport cannot log its own failures to itself: they go to stderr, where the
      // container's log driver (or the terminal) still sees them. Only the message: the SDK's
      // error object carries the request, and with it the log lines that failed.
      errorHandler: (error: Error) => process.stderr.write(`${JSON.stringify({ level: 'warn', message: 'CloudWatch Logs upload failed', service, err: error.message })}\n`),
    }),
  ];
}

function isCloudWatchTransport(transport: winston.transport): transport is CloudWatchTransport {
  return typeof (transport as Partial<CloudWatchTransport>).kthxbye === 'function';
}

/**
 * Uploads the lines still batched for CloudWatch Logs and detaches the transport: the process
 * is stopping, and a line logged later would restart its upload timer and retry for ever
 * against an endpoint that may be gone. A no-op without the transport.
 */
export async function flushLogs(logger: Logger): Promise<void> {
  const pending = logger.transports.filter(isCloudWatchTransport).map(
    (transport) =>
      new Promise<void>((resolve) =>
        transport.kthxbye((error) => {
          if (error) process.stderr.write(`${JSON.stringify({ level: 'warn', message: 'CloudWatch Logs: lines not uploaded at exit', err: error.message })}\n`);
          logger.remove(transport);
          resolve();
        }),
      ),
  );
  await Promise.all(pending);
}
