import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';

// A client for OpenAI's chat completions endpoint, as local servers implement it (Ollama,
// llama.cpp's server, vLLM, LM Studio). Plain fetch: the official `openai` package needs
// Node 22. Its retry rules are the ones Anthropic's and OpenAI's SDKs share (what the Claude
// extractor gets from its SDK): 408, 409, 429 and 5xx answers, lost connections and
// timeouts are tried again, after Retry-After when the server gives one, else after an
// exponential backoff.

export interface ChatCompletionsClientOptions {
  baseUrl: string;
  apiKey: string | null;
  /** Per attempt. */
  timeoutMs: number;
  maxRetries: number;
}

/** Why a call failed: each is counted apart. */
export type ChatCompletionsFailure = 'http_error' | 'timeout' | 'unreachable' | 'invalid_response';

export class ChatCompletionsError extends Error {
  constructor(
    readonly failure: ChatCompletionsFailure,
    message: string,
    /** The HTTP status of an http_error. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatCompletionsError';
  }
}

// Only what the extractor reads; servers add fields of their own, which are kept out.
const ToolCall = z.object({
  function: z.object({
    name: z.string(),
    // A JSON string by the specification; some servers send the object itself.
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
});

const ChatCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), tool_calls: z.array(ToolCall).nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().optional(), completion_tokens: z.number().int().nonnegative().optional() }).nullish(),
});

export type ChatCompletion = z.infer<typeof ChatCompletion>;
export type ChatMessage = ChatCompletion['choices'][number]['message'];

const RETRIED_STATUSES = new Set([408, 409, 429]);
const MAX_RETRY_AFTER_MS = 60_000;
const ERROR_TEXT_LIMIT = 200;

/** {base}/v1/chat/completions; a base that already ends in /v1 (how OpenAI's SDKs write it) is taken as is. */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${/\/v1$/.test(base) ? base : `${base}/v1`}/chat/completions`;
}

function backoffMs(attempt: number, retryAfter: string | null): number {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS) return ms;
  }
  // 0.5 s, 1 s, 2 s … up to 8 s, less up to a quarter so that clients do not retry in step.
  return Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
}

// The server's own words, for the log: what was wrong with the request (a model that takes
// no tools, a context too small). Cut short, since a validation error may quote the request.
function errorText(body: string): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string') text = message;
  } catch {
    // Not JSON: the body as it came.
  }
  return text.slice(0, ERROR_TEXT_LIMIT);
}

export class ChatCompletionsClient {
  private readonly url: string;

  constructor(private readonly options: ChatCompletionsClientOptions) {
    this.url = chatCompletionsUrl(options.baseUrl);
  }

  async create(body: object): Promise<ChatCompletion> {
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.attempt(body);
      if (!('retryAfter' in outcome)) return outcome.completion;
      if (attempt >= this.options.maxRetries) throw outcome.error;
      await delay(backoffMs(attempt, outcome.retryAfter));
    }
  }

  private async attempt(body: object): Promise<{ completion: ChatCompletion } | { error: ChatCompletionsError; retryAfter: string | null }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey !== null) headers.authorization = `Bearer ${this.options.apiKey}`;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(this.options.timeoutMs) });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (error) {
      // fetch rejects with a DOMException named TimeoutError when the signal fires, and with
      // a TypeError whose cause is the socket's error when no connection could be made.
      const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { message?: string } };
      const failure =
        name === 'TimeoutError'
          ? new ChatCompletionsError('timeout', `the call timed out after ${this.options.timeoutMs} ms`, undefined, { cause: error })
          : new ChatCompletionsError('unreachable', `the server could not be reached (${cause?.message ?? message ?? String(error)})`, undefined, { cause: error });
      return { error: failure, retryAfter: null };
    }
    if (status < 200 || status > 299) {
      const error = new ChatCompletionsError('http_error', `the server answered ${status}: ${errorText(text)}`, status);
      if (RETRIED_STATUSES.has(status) || status >= 500) return { error, retryAfter };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ChatCompletionsError('invalid_response', 'the server answered 2xx with a body that is not JSON', status, { cause: error });
    }
    const parsed = ChatCompletion.safeParse(json);
    if (!parsed.success) throw new ChatCompletionsError('invalid_response', `the answer is not a chat completion: ${z.prettifyError(parsed.error).slice(0, ERROR_TEXT_LIMIT)}`, status);
    return { completion: parsed.data };
  }
}
