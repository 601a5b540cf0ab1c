import type { OpenAiCompatibleSettings } from '../../../config/env';
import type { Logger } from '../../../observability/logger';
import type { Metrics } from '../../../observability/metrics';
import { noTracing, type Tracing } from '../../../observability/tracing';
import type { DocumentText } from '../../text/document-text';
import type { CvExtractor, ExtractorResult } from '../extractor';
import { SYSTEM_PROMPT, userMessage } from '../llm/prompt';
import { RecordCvCaller } from '../llm/record-cv-caller';
import { RECORD_CV_TOOL } from '../llm/tool-schema';
import { ChatCompletionsClient, ChatCompletionsError, type ChatCompletion } from './chat-completions-client';
import { recordCvArguments } from './record-cv-answer';

// Claude's instructions, plus what a model should do on a server where it cannot call tools.
const INSTRUCTIONS = `${SYSTEM_PROMPT}
9. If you cannot call the tool, answer with the arguments of record_cv as one JSON object and nothing else.`;

/**
 * The Claude extractor's twin for any server that speaks OpenAI's chat completions
 * (Ollama, llama.cpp's server, vLLM, LM Studio), so a CV can be read without leaving the
 * machine: the same record_cv schema, instructions, instruction filter, circuit breaker
 * and schema check (RecordCvCaller), one call per CV at temperature 0. With
 * outputMode 'tools' the call is forced through record_cv; 'json_schema' asks for the same
 * schema through response_format, for servers or models without tools. Either way a JSON
 * answer in the message's text is taken too (record-cv-answer.ts).
 */
export class OpenAiCompatibleExtractor implements CvExtractor {
  readonly name = 'openai-compatible' as const;
  private readonly client: ChatCompletionsClient;
  private readonly caller: RecordCvCaller;
  private readonly tracing: Tracing;

  constructor(
    private readonly config: OpenAiCompatibleSettings,
    private readonly deps: { metrics: Metrics; logger: Logger; tracing?: Tracing },
  ) {
    this.tracing = deps.tracing ?? noTracing;
    this.client = new ChatCompletionsClient({ baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.timeoutSeconds * 1000, maxRetries: config.maxRetries });
    this.caller = new RecordCvCaller({
      service: 'OpenAI-compatible server',
      call: (text) => this.call(text),
      // A request the server refuses as such (too long for its context) says nothing about its health.
      isRefusalOfInput: (error) => error instanceof ChatCompletionsError && (error.status === 400 || error.status === 413),
      breakerResetSeconds: config.breakerResetSeconds,
      metrics: { calls: deps.metrics.openaiCompatibleCalls, circuitOpen: deps.metrics.openaiCompatibleCircuitOpen },
      logger: deps.logger,
    });
  }

  extract(document: DocumentText): Promise<ExtractorResult> {
    return this.caller.extract(document);
  }

  private request(text: string): object {
    const output =
      this.config.outputMode === 'tools'
        ? { tools: [{ type: 'function', function: RECORD_CV_TOOL }], tool_choice: { type: 'function', function: { name: RECORD_CV_TOOL.name } } }
        : { response_format: { type: 'json_schema', json_schema: { name: RECORD_CV_TOOL.name, schema: RECORD_CV_TOOL.parameters } } };
    return {
      model: this.config.model,
      temperature: 0,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: userMessage(text) },
      ],
      ...output,
    };
  }

  private async call(text: string): Promise<unknown> {
    const { metrics } = this.deps;
    const stopTimer = metrics.openaiCompatibleCallDuration.startTimer();
    let completion: ChatCompletion;
    try {
      // One subsegment for the call with its retries; the CV text stays out of the trace.
      completion = await this.tracing.subsegment('OpenAI-compatible', () => this.client.create(this.request(text)), {
        namespace: 'remote',
        annotations: { model: this.config.model },
      });
    } catch (error) {
      if (!(error instanceof ChatCompletionsError)) throw error;
      metrics.openaiCompatibleCalls.inc({ outcome: error.failure });
      stopTimer({ outcome: error.failure });
      throw this.explained(error);
    }
    metrics.openaiCompatibleCalls.inc({ outcome: 'ok' });
    stopTimer({ outcome: 'ok' });
    metrics.openaiCompatibleTokens.inc({ kind: 'input' }, completion.usage?.prompt_tokens ?? 0);
    metrics.openaiCompatibleTokens.inc({ kind: 'output' }, completion.usage?.completion_tokens ?? 0);
    return recordCvArguments(completion.choices[0]!);
  }

  // Servers refuse tools with a 400 for a model without them (Ollama, llama.cpp without
  // --jinja): the log line then says which setting avoids tools.
  private explained(error: ChatCompletionsError): ChatCompletionsError {
    if (this.config.outputMode === 'tools' && error.status === 400 && /tool/i.test(error.message)) {
      return new ChatCompletionsError(error.failure, `${error.message} (for a server or model without tools, set OPENAI_OUTPUT_MODE=json_schema)`, error.status, { cause: error });
    }
    return error;
  }

  close(): void {
    this.caller.close();
  }
}
