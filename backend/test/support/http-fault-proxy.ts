import http from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP proxy in front of a real service (moto_server) that passes requests through
// until told to fail some of them: those get a 500 with S3's InternalError body, as S3
// answers when it is having a bad moment. Every request is recorded.
export interface SeenRequest {
  method: string;
  path: string;
  failed: boolean;
}

export interface HttpFaultProxy {
  endpoint: string;
  seen: SeenRequest[];
  /** Requests for which this returns true are failed; null passes everything. */
  failWhen(rule: ((req: { method: string; path: string }) => boolean) | null): void;
  close(): Promise<void>;
}

const INTERNAL_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>fault-proxy</RequestId></Error>';

export async function startHttpFaultProxy(target: string): Promise<HttpFaultProxy> {
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  let rule: ((req: { method: string; path: string }) => boolean) | null = null;

  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? 'GET', path: decodeURIComponent((req.url ?? '/').split('?')[0]!) };
    const failed = rule?.(request) ?? false;
    seen.push({ ...request, failed });
    if (failed) {
      req.resume();
      req.on('end', () => res.writeHead(500, { 'content-type': 'application/xml' }).end(INTERNAL_ERROR));
      return;
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    failWhen: (next) => {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
