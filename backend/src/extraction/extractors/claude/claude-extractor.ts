import Anthropic from '@anthropic-ai/sdk';
import type { Config } from '../../../config/env';
import type { Logger } from '../../../observability/logger';
import type { Metrics } from '../../../observability/metrics';
import { noTracing, type Tracing } from '../../../observability/tracing';
import type { DocumentText } from '../../text/document-text';
import type { CvExtractor, ExtractorResult } from '../extractor';
import { SYSTEM_PROMPT, userMessage } from '../llm/prompt';
import { RecordCvCaller } from '../llm/record-cv-caller';
import { MalformedToolOutput, RECORD_CV_TOOL } from '../llm/tool-schema';

type ClaudeConfig = NonNullable<Config['extraction']['claude']>;

// Enough for the longest CVs' 18 sections.
const MAX_OUTPUT_TOKENS = 16_000;

/**
 * One Messages API call per CV, for all 18 sections, answered through the record_cv
 * tool at temperature 0. The SDK retries 429/5xx/529 with backoff; the shared
 * RecordCvCaller adds the instruction filter, the circuit breaker and the schema check.
 */
export class ClaudeExtractor implements CvExtractor {
  readonly name = 'claude' as const;
  private readonly client: Anthropic;
  private readonly caller: RecordCvCaller;
  private readonly tracing: Tracing;

  constructor(
    private readonly config: ClaudeConfig,
    private readonly deps: { metrics: Metrics; logger: Logger; tracing?: Tracing },
  ) {
    this.tracing = deps.tracing ?? noTracing;
    this.client = new Anthropic({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: config.timeoutSeconds * 1000, maxRetries: config.maxRetries });
    this.caller = new RecordCvCaller({
      service: 'Claude',
      call: (text) => this.call(text),
      // A CV the API refuses (400: too long, bad request) says nothing about Claude's health.
      isRefusalOfInput: (error) => error instanceof Anthropic.APIError && (error.status === 400 || error.status === 413),
      breakerResetSeconds: config.breakerResetSeconds,
      metrics: { calls: deps.metrics.claudeCalls, circuitOpen: deps.metrics.claudeCircuitOpen },
      logger: deps.logger,
    });
  }

  extract(document: DocumentText): Promise<ExtractorResult> {
    return this.caller.extract(document);
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
            tools: [{ name: RECORD_CV_TOOL.name, description: RECORD_CV_TOOL.description, input_schema: RECORD_CV_TOOL.parameters } as Anthropic.Tool],
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
    this.caller.close();
  }
}
