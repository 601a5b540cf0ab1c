import http from 'node:http';
import type { AddressInfo } from 'node:net';

// What the application load balancer does in front of the API service, reduced to what
// the one-machine topology needs: each request goes to the next API process in turn
// (round robin), bodies and event streams are streamed both ways, and the client's address
// is added to X-Forwarded-For (the APIs trust one proxy hop, TRUST_PROXY=1, as behind the ALB).

export interface AlbProxy {
  url: string;
  /** Requests sent to each target so far, by target URL. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** Listens on `host` (every interface when absent, as on http://localhost:<port>) and `port` (a free one when absent). */
export async function startAlbProxy(targets: string[], options: { port?: number; host?: string } = {}): Promise<AlbProxy> {
  if (targets.length === 0) throw new Error('The load balancer needs at least one target.');
  const origins = targets.map((target) => new URL(target));
  const served = new Map(origins.map((target) => [target.origin, 0]));
  let next = 0;

  const server = http.createServer((req, res) => {
    const target = origins[next % origins.length]!;
    next += 1;
    served.set(target.origin, (served.get(target.origin) ?? 0) + 1);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      // As the ALB answers when a target cannot be reached.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`Bad gateway: ${target.origin} (${error.message})\n`);
      else res.destroy();
    });
    // A client that goes away (an event stream closed) ends the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? 'localhost'}:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
