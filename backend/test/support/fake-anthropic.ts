import http from 'node:http';
import { listenOnLoopback } from './loopback-server';

// A local server that speaks the Anthropic Messages API wire format (POST /v1/messages),
// for testing the Claude extractor through the real SDK. Each request takes the next
// scripted reply; every request is recorded.

export type FakeReply =
  | { kind: 'tool'; input: unknown; name?: string; usage?: Partial<Usage> }
  | { kind: 'text'; text: string }
  | { kind: 'error'; status: number; type: string; message?: string; retryAfterSeconds?: number }
  // Never answers: the connection is held until the client gives up or the fake closes.
  | { kind: 'hang' };

interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export interface RecordedRequest {
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    temperature?: number;
    max_tokens: number;
    system?: { type: string; text: string; cache_control?: { type: string } }[];
    tools?: { name: string; input_schema: unknown }[];
    tool_choice?: { type: string; name?: string };
    messages: { role: string; content: string | { type: string; text?: string }[] }[];
  };
}

export interface FakeAnthropic {
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies used in order; when they run out, `fallback` answers. */
  script(...replies: FakeReply[]): void;
  fallback: FakeReply;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const fake: Partial<FakeAnthropic> = { requests, fallback: { kind: 'error', status: 500, type: 'api_error', message: 'no scripted reply' } };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') return send(res, 404, { type: 'error', error: { type: 'not_found_error', message: req.url } });
      const body = JSON.parse(raw) as RecordedRequest['body'];
      requests.push({ headers: req.headers, body });
      const reply = queue.shift() ?? fake.fallback!;
      const message = (content: unknown[], stop: string, usage?: Partial<Usage>) => ({
        id: `msg_${requests.length}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content,
        stop_reason: stop,
        stop_sequence: null,
        usage: { input_tokens: 1200, output_tokens: 800, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, ...usage },
      });
      switch (reply.kind) {
        case 'tool':
          return send(res, 200, message([{ type: 'tool_use', id: `toolu_${requests.length}`, name: reply.name ?? body.tool_choice?.name ?? 'unknown', input: reply.input }], 'tool_use', reply.usage));
        case 'text':
          return send(res, 200, message([{ type: 'text', text: reply.text }], 'end_turn'));
        case 'error':
          return send(
            res,
            reply.status,
            { type: 'error', error: { type: reply.type, message: reply.message ?? reply.type } },
            reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) },
          );
        case 'hang':
          return;
      }
    });
  });
  return Object.assign(fake, {
    ...(await listenOnLoopback(server)),
    script: (...replies: FakeReply[]) => queue.push(...replies),
  }) as FakeAnthropic;
}
