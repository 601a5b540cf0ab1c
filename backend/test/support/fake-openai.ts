import http from 'node:http';
import { listenOnLoopback } from './loopback-server';

// A local server that speaks OpenAI's chat completions wire format (POST /v1/chat/completions),
// as Ollama, llama.cpp's server and vLLM do, for testing the OpenAI-compatible extractor.
// Each request takes the next scripted reply; every request is recorded.

export type FakeOpenAiReply =
  // A tool call; `arguments` is sent as a JSON string unless `asObject` (as some servers do).
  | { kind: 'tool'; arguments: unknown; name?: string; asObject?: boolean }
  // A plain text answer in message.content.
  | { kind: 'content'; content: string; finishReason?: string }
  | { kind: 'error'; status: number; message?: string; retryAfterSeconds?: number }
  // Any status and body as given (a body that is not JSON, a body that is not a completion).
  | { kind: 'raw'; status: number; body: string }
  // Never answers: the connection is held until the client gives up or the fake closes.
  | { kind: 'hang' };

export interface RecordedChatRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    temperature?: number;
    messages: { role: string; content: string }[];
    tools?: { type: string; function: { name: string; description: string; parameters: { properties: Record<string, unknown> } } }[];
    tool_choice?: { type: string; function: { name: string } };
    response_format?: { type: string; json_schema: { name: string; schema: { properties: Record<string, unknown> } } };
  };
}

export interface FakeOpenAi {
  /** The server's address without /v1, as OPENAI_BASE_URL takes it. */
  baseURL: string;
  requests: RecordedChatRequest[];
  /** Replies used in order; when they run out, `fallback` answers. */
  script(...replies: FakeOpenAiReply[]): void;
  fallback: FakeOpenAiReply;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

function completion(model: string, message: object, finishReason: string) {
  return JSON.stringify({
    id: `chatcmpl-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    usage: { prompt_tokens: 2100, completion_tokens: 900, total_tokens: 3000 },
  });
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: FakeOpenAiReply[] = [];
  const requests: RecordedChatRequest[] = [];
  const fake: Partial<FakeOpenAi> = { requests, fallback: { kind: 'error', status: 500, message: 'no scripted reply' } };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') return send(res, 404, JSON.stringify({ error: { message: `no route ${req.url}` } }));
      const body = JSON.parse(raw) as RecordedChatRequest['body'];
      requests.push({ url: req.url, headers: req.headers, body });
      const reply = queue.shift() ?? fake.fallback!;
      switch (reply.kind) {
        case 'tool': {
          const args = reply.asObject || typeof reply.arguments === 'string' ? reply.arguments : JSON.stringify(reply.arguments);
          const call = { id: `call_${requests.length}`, type: 'function', function: { name: reply.name ?? body.tool_choice?.function.name ?? 'unknown', arguments: args } };
          return send(res, 200, completion(body.model, { content: null, tool_calls: [call] }, 'tool_calls'));
        }
        case 'content':
          return send(res, 200, completion(body.model, { content: reply.content }, reply.finishReason ?? 'stop'));
        case 'error':
          return send(
            res,
            reply.status,
            JSON.stringify({ error: { message: reply.message ?? `error ${reply.status}`, type: 'server_error' } }),
            reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) },
          );
        case 'raw':
          return send(res, reply.status, reply.body);
        case 'hang':
          return;
      }
    });
  });
  return Object.assign(fake, {
    ...(await listenOnLoopback(server)),
    script: (...replies: FakeOpenAiReply[]) => queue.push(...replies),
  }) as FakeOpenAi;
}
