import type { IncomingMessage, ServerResponse } from 'node:http';
import type AWSXRay from 'aws-xray-sdk-core';
import type { Logger } from './logger';

// AWS X-Ray: a segment per request and per extraction job, subsegments for AWS SDK calls,
// database queries and Claude calls. The trace travels with the work: an extraction job's
// message and a builder task's environment carry the X-Amzn-Trace-Id of the request that
// started it, so the worker's job segment joins the request's trace as its child.
//
// Off by default (XRAY_ENABLED). Off, the SDK is never loaded (it installs async hooks for
// its context as soon as it is), the request path gets no middleware, clients and the
// database are left as they are, and every helper here is a pass-through.

type Sdk = typeof AWSXRay;
type Entity = AWSXRay.Segment | AWSXRay.Subsegment;

export interface SubsegmentDetails {
  /** 'remote' for a service outside AWS (the database, Claude); X-Ray draws it on the service map. */
  namespace?: 'remote' | 'aws';
  /** Indexed, searchable values (letters, digits and _ in keys); never user data. */
  annotations?: Record<string, string | number | boolean>;
  /** X-Ray's `sql` block (database type, never the query's parameters). */
  sql?: Record<string, string>;
}

export type RequestTracer = (req: IncomingMessage, res: ServerResponse, requestId: string, next: () => void) => void;

export interface Tracing {
  readonly enabled: boolean;
  /**
   * Opens a segment for a request (closed when its response ends) and runs `next` inside it;
   * null when tracing is off, so the app adds no step (http/middleware/trace-requests.ts).
   */
  requestTracer(): RequestTracer | null;
  /** Adds a subsegment per call of an AWS SDK v3 client; returns the client. */
  captureAwsClient<C extends object>(client: C): C;
  /** Runs `fn` in a subsegment of the current segment; just runs it outside any segment. */
  subsegment<T>(name: string, fn: () => Promise<T>, details?: SubsegmentDetails): Promise<T>;
  /** The X-Amzn-Trace-Id value for work handed to another process: this trace, the current (sub)segment as parent. */
  traceHeader(): string | undefined;
  /** Runs a job in a segment of its own that continues the trace `header` came from (untraced without one). */
  continueTrace<T>(name: string, header: string | undefined, annotations: Record<string, string | number | boolean>, fn: () => Promise<T>): Promise<T>;
}

export const noTracing: Tracing = {
  enabled: false,
  requestTracer: () => null,
  captureAwsClient: (client) => client,
  subsegment: (_name, fn) => fn(),
  traceHeader: () => undefined,
  continueTrace: (_name, _header, _annotations, fn) => fn(),
};

/** Annotation keys X-Ray indexes: letters, digits and underscores. */
function annotate(entity: Entity, annotations: Record<string, string | number | boolean> | undefined): void {
  for (const [key, value] of Object.entries(annotations ?? {})) entity.addAnnotation(key.replace(/\W/g, '_'), value);
}

function errorOf(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs `fn` with `entity` as the current segment of its async context, then closes it (with the error, if any). */
async function runIn<T>(sdk: Sdk, entity: Entity, fn: () => Promise<T>): Promise<T> {
  return sdk.getNamespace().runAndReturn(async () => {
    sdk.setSegment(entity);
    try {
      const result = await fn();
      entity.close();
      return result;
    } catch (error) {
      entity.close(errorOf(error));
      throw error;
    }
  });
}

/**
 * Loads and configures the SDK (process-wide, as the SDK's own state is). Quiet without a
 * daemon: segments are UDP datagrams that nobody has to receive; work outside any segment
 * (start-up, timers) is not reported as "context missing"; and the SDK's own messages go to
 * this logger at debug level (its warnings and errors only), never to the console.
 */
export function createTracing(options: { daemonAddress: string; serviceName: string; logger: Logger }): Tracing {
  const sdk = require('aws-xray-sdk-core') as Sdk;
  const { logger } = options;
  // Its debug and info lines name every request's full URL (signed preview links included): dropped.
  const sdkProblem = (message: string) => logger.debug(`X-Ray SDK: ${message}`);
  sdk.setLogger({ debug: () => {}, info: () => {}, warn: sdkProblem, error: sdkProblem });
  sdk.setContextMissingStrategy(() => {});
  sdk.setDaemonAddress(options.daemonAddress);
  sdk.middleware.setDefaultName(options.serviceName);

  const current = (): Entity | undefined => sdk.getSegment() ?? undefined;

  return {
    enabled: true,
    requestTracer() {
      const namespace = sdk.getNamespace();
      return (req, res, requestId, next) => {
        const segment = sdk.middleware.traceRequestResponseCycle(req, res);
        // Query strings carry signed preview links: the path is enough to find a request.
        const http = (segment as unknown as { http?: { request?: { url?: string } } }).http;
        if (http?.request?.url) http.request.url = http.request.url.split('?')[0];
        segment.addAnnotation('request_id', requestId);
        namespace.bindEmitter(req);
        namespace.bindEmitter(res);
        namespace.run(() => {
          sdk.setSegment(segment);
          next();
        });
      };
    },
    captureAwsClient(client) {
      return sdk.captureAWSv3Client(client as unknown as Parameters<Sdk['captureAWSv3Client']>[0]) as unknown as typeof client;
    },
    async subsegment(name, fn, details = {}) {
      const parent = current();
      if (!parent) return fn();
      const sub = parent.notTraced ? parent.addNewSubsegmentWithoutSampling(name) : parent.addNewSubsegment(name);
      if (details.namespace) sub.namespace = details.namespace;
      if (details.sql) sub.addAttribute('sql', details.sql);
      annotate(sub, details.annotations);
      return runIn(sdk, sub, fn);
    },
    traceHeader() {
      const entity = current();
      if (!entity) return undefined;
      const segment = 'segment' in entity && entity.segment ? entity.segment : (entity as AWSXRay.Segment);
      return `Root=${segment.trace_id};Parent=${entity.id};Sampled=${entity.notTraced ? 0 : 1}`;
    },
    async continueTrace(name, header, annotations, fn) {
      const trace = header ? sdk.utils.processTraceData(header) : {};
      if (!trace.root) return fn();
      const segment = new sdk.Segment(name, trace.root, trace.parent);
      if (trace.sampled === '0') segment.notTraced = true;
      annotate(segment, annotations);
      return runIn(sdk, segment, fn);
    },
  };
}
