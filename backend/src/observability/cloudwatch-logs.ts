import { hostname } from 'node:os';
import { CloudWatchLogs } from '@aws-sdk/client-cloudwatch-logs';
import type winston from 'winston';
import type { Config } from '../config/env';
import type { Logger } from './logger';

// The winston-cloudwatch transport, for hosts where nothing ships stdout to CloudWatch Logs.
// In ECS the awslogs driver already does (and EMF records ride that stream), so there this is
// only worth enabling for a log group of its own. The transport batches lines and uploads them
// every UPLOAD_MS; flushLogs() sends what is left before the process exits.

const UPLOAD_MS = 2000;

/** The parts of winston-cloudwatch's transport that a flush at exit works with. */
interface CloudWatchTransport extends winston.transport {
  logEvents: unknown[];
  intervalId: NodeJS.Timeout | null;
  submit(callback: (error?: Error) => void): void;
}

/** Every request the transport's client has sent and not yet had answered. */
class InFlightRequests {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(request: Promise<T>): Promise<T> {
    this.pending.add(request);
    const forget = () => this.pending.delete(request);
    request.then(forget, forget);
    return request;
  }

  get idle(): boolean {
    return this.pending.size === 0;
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}

const inFlightByTransport = new WeakMap<winston.transport, InFlightRequests>();

/** One stream per process unless CLOUDWATCH_LOG_STREAM names one: several replicas never share a sequence. */
export function defaultLogStream(service: string): string {
  return `${service}/${hostname()}/${process.pid}`.replace(/[:*]/g, '-');
}

/**
 * A CloudWatch Logs client whose requests are counted while they are out: winston-cloudwatch's
 * own flush (kthxbye) reports success as soon as its queue is empty, which it is while the
 * timer's last upload is still on the wire, and a process that exits then loses that batch.
 */
function trackedClient(config: Pick<Config, 'aws'>, inFlight: InFlightRequests): CloudWatchLogs {
  const client = new CloudWatchLogs({ region: config.aws.region ?? 'us-east-1', endpoint: config.aws.endpoint });
  // Every command of the aggregated client, callback style or not, goes through send().
  const send = client.send.bind(client) as (command: unknown, options?: unknown) => Promise<unknown>;
  const tracked = (command: unknown, optionsOrCallback?: unknown, callback?: unknown): Promise<unknown> | void => {
    const done = (typeof optionsOrCallback === 'function' ? optionsOrCallback : callback) as ((error: unknown, data?: unknown) => void) | undefined;
    const options = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback;
    const request = inFlight.track(send(command, options));
    if (!done) return request;
    request.then(
      (data) => done(null, data),
      (error: unknown) => done(error),
    );
  };
  client.send = tracked as CloudWatchLogs['send'];
  return client;
}

/** The transports the configuration asks for beyond the console: CloudWatch Logs, or none. */
export function configuredLogTransports(config: Pick<Config, 'observability' | 'aws' | 'logLevel'>, service: string): winston.transport[] {
  const target = config.observability.cloudWatchLogs;
  if (!target || config.logLevel === 'silent') return [];
  // Loaded only when chosen: the transport is start-up time a local process would pay for nothing.
  const WinstonCloudWatch = require('winston-cloudwatch') as new (options: Record<string, unknown>) => CloudWatchTransport;
  const inFlight = new InFlightRequests();
  const transport = new WinstonCloudWatch({
    level: config.logLevel,
    logGroupName: target.group,
    logStreamName: target.stream ?? defaultLogStream(service),
    // Each event is the whole JSON line, as on stdout (request id, service, level, timestamp).
    jsonMessage: true,
    uploadRate: UPLOAD_MS,
    // Credentials from the default chain (the task role); region and endpoint as every AWS adapter.
    cloudWatchLogs: trackedClient(config, inFlight),
    // The transport cannot log its own failures to itself: they go to stderr, where the
    // container's log driver (or the terminal) still sees them. Only the message: the SDK's
    // error object carries the request, and with it the log lines that failed.
    errorHandler: (error: Error) => process.stderr.write(`${JSON.stringify({ level: 'warn', message: 'CloudWatch Logs upload failed', service, err: error.message })}\n`),
  });
  inFlightByTransport.set(transport, inFlight);
  return [transport];
}

function submit(transport: CloudWatchTransport): Promise<void> {
  return new Promise((resolve, reject) => transport.submit((error) => (error ? reject(error) : resolve())));
}

/**
 * Sends what is batched until nothing is left and no request is out. The transport skips a
 * submit while one of its uploads is under way (and takes the queue only once that upload has
 * its sequence token), so each round waits for what is out before submitting again.
 */
async function drain(transport: CloudWatchTransport, inFlight: InFlightRequests): Promise<void> {
  if (transport.intervalId) clearInterval(transport.intervalId);
  transport.intervalId = null;
  while (!inFlight.idle || transport.logEvents.length > 0) {
    if (!inFlight.idle) await inFlight.settled();
    // An upload whose callbacks hop through the event loop is not out on the wire between two
    // requests: let it send its next one before deciding the queue is ours to submit.
    else await new Promise<void>((resolve) => setImmediate(resolve));
    if (inFlight.idle && transport.logEvents.length > 0) await submit(transport);
  }
}

/**
 * Uploads the lines still batched for CloudWatch Logs, waiting until CloudWatch has answered
 * every upload, and detaches the transport: the process is stopping, and a line logged later
 * would restart its upload timer against an endpoint that may be gone. A no-op without the
 * transport. The caller bounds the wait (the stop's own deadline).
 */
export async function flushLogs(logger: Logger): Promise<void> {
  const flushes = logger.transports.flatMap((transport) => {
    const inFlight = inFlightByTransport.get(transport);
    if (!inFlight) return [];
    logger.remove(transport);
    return [
      drain(transport as CloudWatchTransport, inFlight).catch((error: unknown) => {
        process.stderr.write(`${JSON.stringify({ level: 'warn', message: 'CloudWatch Logs: lines not uploaded at exit', err: error instanceof Error ? error.message : String(error) })}\n`);
      }),
    ];
  });
  await Promise.all(flushes);
}
