import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Claude's answers, kept per corpus CV as the record_cv tool input it sent
// (recorded/<cv>.json), so the Claude path can be measured again without the network.
//
// A file with "_synthetic": true was not written by Claude: make-synthetic-recordings.ts
// derived it from the ground truth with scripted mistakes. Scores on such files measure
// the pipeline around Claude, never Claude.

export const RECORDED_DIR = path.join(__dirname, 'recorded');
export const SYNTHETIC_MARKER = '_synthetic';
/** What the synthetic generator did to the truth, listed in the file for whoever reads it. */
export const DEVIATIONS_KEY = '_deviations';

export interface Recording {
  /** The record_cv input, as Claude would send it. */
  input: Record<string, unknown>;
  synthetic: boolean;
}

const recordingFile = (cvName: string) => path.join(RECORDED_DIR, `${cvName}.json`);

export function readRecording(cvName: string): Recording | null {
  const file = recordingFile(cvName);
  if (!existsSync(file)) return null;
  const { [SYNTHETIC_MARKER]: synthetic, [DEVIATIONS_KEY]: _deviations, ...input } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { input, synthetic: synthetic === true };
}

export function writeRecording(cvName: string, input: unknown, extra: Record<string, unknown> = {}): void {
  mkdirSync(RECORDED_DIR, { recursive: true });
  writeFileSync(recordingFile(cvName), `${JSON.stringify({ ...extra, ...(input as object) }, null, 2)}\n`);
}

export interface RecordingProxy {
  baseURL: string;
  /** The record_cv input of the last answer that passed through, or null. */
  takeToolInput(): unknown;
  close(): Promise<void>;
}

/**
 * A local pass-through to the real Messages API: the ClaudeExtractor talks to it exactly as
 * it would to Anthropic, and it keeps each answer's record_cv tool input for --record.
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  let toolInput: unknown = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name))) as Record<
        string,
        string
      >;
      fetch(new URL(req.url ?? '/', upstream), { method: req.method ?? 'POST', headers, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          const body = await answer.text();
          if (answer.ok) {
            const message = JSON.parse(body) as { content?: { type: string; name?: string; input?: unknown }[] };
            toolInput = message.content?.find((block) => block.type === 'tool_use' && block.name === 'record_cv')?.input ?? null;
          }
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: `recording proxy: ${String(error)}` } }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    takeToolInput: () => {
      const taken = toolInput;
      toolInput = null;
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
