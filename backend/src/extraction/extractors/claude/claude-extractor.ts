import Anthropic from '@anthropic-ai/sdk';
import CircuitBreaker from 'opossum';
import type { Config } from '../../../config/env';
import type { Logger } from '../../../observability/logger';
import type { Metrics } from '../../../observability/metrics';
import { noTracing, type Tracing } from '../../../observability/tracing';
import type { DocumentText } from '../../text/document-text';
import type { CvExtractor, ExtractorResult } from '../extractor';
import { neutralizeInstructions } from './neutralize-instructions';
import { SYSTEM_PROMPT, userMessage } from './prompt';
import { cvFromToolInput, MalformedToolOutput, RECORD_CV_TOOL } from './tool-schema';

type ClaudeConfig = NonNullable<Config['extraction']['claude']>;

// Enough for the longest CVs' 18 sections.
const MAX_OUTPUT_TOKENS = 16_000;

/**
 * One Messages API call per CV, for all 18 sections, answered through the record_cv
 * tool at temperature 0. The SDK retries 429/5xx/529 with backoff; a circuit breaker
 * stops calling Claude for a while after repeated failures, and the pipeline then uses
 * the offline extractor.
 */
export class ClaudeExtractor implements CvExtractor {
  readonly name = 'claude' as const;
  private readonly client: Anthropic;
  private readonly breaker: CircuitBreaker<[string], unknown>;
  private readonly tracing: Tracing;

  constructor(
    private readonly config: ClaudeConfig,
    private readonly deps: { metrics: Metrics; logger: Logger; tracing?: Tracing },
  ) {
    this.tracing = deps.tracing ?? noTracing;
    this.client = new Anthropic({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: config.timeoutSeconds * 1000, maxRetries: config.maxRetries });
    this.breaker = new CircuitBreaker((text: string) => this.call(text), {
      // The SDK enforces the timeout per attempt; the breaker only counts outcomes.
      timeout: false,
      resetTimeout: config.breakerResetSeconds * 1000,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      rollingCountTimeout: 60_000,
      // A CV the API refuses (400: too long, bad request) says nothing about Claude's health.
      errorFilter: (error: unknown) => error instanceof Anthropic.APIError && (error.status === 400 || error.status === 413),
    });
    this.breaker.on('open', () => {
      deps.metrics.claudeCircuitOpen.set(1);
      deps.logger.warn('Claude circuit opened: extracting offline until it recovers', { resetSeconds: config.breakerResetSeconds });
    });
    this.breaker.on('close', () => {
      deps.metrics.claudeCircuitOpen.set(0);
      deps.logger.info('Claude circuit closed');
    });
  }

  async extract(document: DocumentText): Promise<ExtractorResult> {
    const { text, removed } = neutralizeInstructions(document.plainText);
    if (removed.length > 0) this.deps.logger.warn('instruction-like lines removed from a CV before extraction', { count: removed.length });
    if (this.breaker.opened) {
      this.deps.metrics.claudeCalls.inc({ outcome: 'circuit_open' });
      throw new Error('the Claude circuit is open');
    }
    const toolInput = await this.breaker.fire(text);
    try {
      return cvFromToolInput(toolInput);
    } catch (error) {
      if (error instanceof MalformedToolOutput) {
        this.deps.metrics.claudeCalls.inc({ outcome: 'malformed' });
        this.deps.logger.warn('Claude answered with a malformed record_cv input', { issues: error.issues.slice(0, 10) });
      }
      throw error;
    }
  }

  private async call(text: string): Promise<unknown> {
    const { metrics } = this.deps;
    let message: Anthropic.Message;
    try {
      // One subsegment for the call with its retries; the CV text stays out of the trace.
      message = await this.tracing.subsegment(
        'Claude',
        () =>
          this.client.messages.create({
            model: this.config.model,
            max_tokens: MAX_OUTPUT_TOKENS,
            // Deterministic extraction. SDK 1.x no longer types this (deprecated for newer
            // models); the Opus 4.1 default accepts it, and the SDK sends the body as given.
            ...{ temperature: 0 },
            // The tool definition and these instructions never change: cache them.
            system: [{ type: 'text', text: SYSTEM_PROMPT, cache_control: { type: 'ephemeral' } }],
            tools: [RECORD_CV_TOOL as Anthropic.Tool],
            tool_choice: { type: 'tool', name: RECORD_CV_TOOL.name },
            messages: [{ role: 'user', content: userMessage(text) }],
          }),
        { namespace: 'remote', annotations: { model: this.config.model } },
      );
    } catch (error) {
      metrics.claudeCalls.inc({ outcome: 'api_error' });
      throw error;
    }
    metrics.claudeCalls.inc({ outcome: 'ok' });
    metrics.claudeTokens.inc({ kind: 'input' }, message.usage.input_tokens);
    metrics.claudeTokens.inc({ kind: 'output' }, message.usage.output_tokens);
    metrics.claudeTokens.inc({ kind: 'cache_read' }, message.usage.cache_read_input_tokens ?? 0);
    metrics.claudeTokens.inc({ kind: 'cache_write' }, message.usage.cache_creation_input_tokens ?? 0);
    const use = message.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use' && block.name === RECORD_CV_TOOL.name);
    if (!use) throw new MalformedToolOutput([`no record_cv call (stop_reason ${message.stop_reason})`]);
    return use.input;
  }

  close(): void {
    this.breaker.shutdown();
  }
}
