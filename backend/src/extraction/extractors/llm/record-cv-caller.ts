import CircuitBreaker from 'opossum';
import type { Counter, Gauge } from 'prom-client';
import type { Logger } from '../../../observability/logger';
import type { DocumentText } from '../../text/document-text';
import type { ExtractorResult } from '../extractor';
import { neutralizeInstructions } from './neutralize-instructions';
import { cvFromToolInput, MalformedToolOutput } from './tool-schema';

export interface RecordCvCallerOptions {
  /** How logs and errors name the model's service ("Claude"). */
  service: string;
  /** One API call (with its retries) for the CV's text; resolves to the record_cv arguments as the model gave them. */
  call: (cvText: string) => Promise<unknown>;
  /** Failures that are about this CV (too long, refused), not about the service's health: the breaker does not count them. */
  isRefusalOfInput: (error: unknown) => boolean;
  breakerResetSeconds: number;
  /** The extractor's own metrics: this counts the outcomes malformed and circuit_open, the call counts the others. */
  metrics: { calls: Counter<'outcome'>; circuitOpen: Gauge };
  logger: Logger;
}

export class CircuitOpenError extends Error {
  constructor(service: string) {
    super(`the ${service} circuit is open`);
    this.name = 'CircuitOpenError';
  }
}

/**
 * What every model extractor does around its API call: instruction-like lines taken out of
 * the CV's text, a circuit breaker that stops calling a failing service for a while (the
 * pipeline then uses the offline extractor), and the answer checked against the CV schema.
 */
export class RecordCvCaller {
  private readonly breaker: CircuitBreaker<[string], unknown>;

  constructor(private readonly options: RecordCvCallerOptions) {
    const { service, metrics, logger, breakerResetSeconds } = options;
    this.breaker = new CircuitBreaker(options.call, {
      // The API client enforces the timeout per attempt; the breaker only counts outcomes.
      timeout: false,
      resetTimeout: breakerResetSeconds * 1000,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      rollingCountTimeout: 60_000,
      errorFilter: options.isRefusalOfInput,
    });
    this.breaker.on('open', () => {
      metrics.circuitOpen.set(1);
      logger.warn(`${service} circuit opened: extracting offline until it recovers`, { resetSeconds: breakerResetSeconds });
    });
    this.breaker.on('close', () => {
      metrics.circuitOpen.set(0);
      logger.info(`${service} circuit closed`);
    });
  }

  async extract(document: DocumentText): Promise<ExtractorResult> {
    const { service, metrics, logger } = this.options;
    const { text, removed } = neutralizeInstructions(document.plainText);
    if (removed.length > 0) logger.warn('instruction-like lines removed from a CV before extraction', { count: removed.length });
    if (this.breaker.opened) {
      metrics.calls.inc({ outcome: 'circuit_open' });
      throw new CircuitOpenError(service);
    }
    try {
      // An answer with no usable record_cv call fails inside the breaker (the service did not
      // do its job); one whose arguments do not fit the schema fails after it.
      return cvFromToolInput(await this.breaker.fire(text));
    } catch (error) {
      if (error instanceof MalformedToolOutput) {
        metrics.calls.inc({ outcome: 'malformed' });
        logger.warn(`${service} answered with a malformed record_cv input`, { issues: error.issues.slice(0, 10) });
      }
      throw error;
    }
  }

  close(): void {
    this.breaker.shutdown();
  }
}
