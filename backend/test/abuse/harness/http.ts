import http from 'node:http';

// Requests as the suite sends them: fetch for well-formed ones, node:http when the bytes
// on the wire are the attack (lying lengths, cut-off bodies, raw multipart).

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON (Content-Type application/json) unless `body` is given. */
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function call(baseUrl: string, method: string, route: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  let body: string | Buffer | undefined = options.body;
  if (body === undefined && options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers,
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parsed(text) };
}

export interface RawRequest {
  method?: string;
  path: string;
  headers: Record<string, string>;
  /** Written in order; `end: false` leaves the request open after them. */
  chunks: Buffer[];
  end?: boolean;
  /** Destroys the socket after writing (a client that goes away mid-upload). */
  abortAfterWrite?: boolean;
}

/** The answer to a hand-made request, or null when the client hung up first. */
export function raw(baseUrl: string, request: RawRequest): Promise<Reply | null> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: request.method ?? 'POST', headers: request.headers });
    let settled = false;
    const settle = (value: Reply | null) => {
      if (!settled) resolve(value);
      settled = true;
    };
    req.setTimeout(120_000, () => req.destroy(new Error('no answer within 120 s')));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        settle({ status: res.statusCode ?? 0, headers, text, json: parsed(text) });
        // The request may still be open (a lying Content-Length): the answer is all we wanted.
        req.destroy();
      });
      res.on('error', () => settle(null));
    });
    req.on('error', (error) => {
      if (request.abortAfterWrite || settled) settle(null);
      else if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as NodeJS.ErrnoException).code === 'EPIPE') settle(null);
      else if (!settled) {
        settled = true;
        reject(error);
      }
    });
    request.chunks.forEach((chunk, index) => {
      const last = index === request.chunks.length - 1;
      // Once the last bytes have left, vanish without ending the request.
      req.write(chunk, last && request.abortAfterWrite ? () => req.destroy() : undefined);
    });
    if (request.end !== false && !request.abortAfterWrite) req.end();
  });
}
