import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local CloudFront KeyValueStore (moto has none) speaking the REST-JSON wire format of
// @aws-sdk/client-cloudfront-keyvaluestore (see its DescribeKeyValueStore$, GetKey$,
// PutKey$, DeleteKey$ and ListKeys$ schemas): the store has a version (ETag) that every
// write must name in If-Match and that every write moves on, as AWS's does.

export interface KvsRequest {
  operation: 'DescribeKeyValueStore' | 'GetKey' | 'PutKey' | 'DeleteKey' | 'ListKeys';
  key?: string;
  ifMatch?: string;
  /** The signing algorithm named in Authorization (SigV4A: AWS4-ECDSA-P256-SHA256). */
  algorithm?: string;
  regionSet?: string;
}

export interface FakeKvs {
  /** Give it to the SDK as `endpoint`. */
  endpoint: string;
  arn: string;
  entries: Map<string, string>;
  requests: KvsRequest[];
  /** While set, requests answer this HTTP status (an outage or a refusal): all, or only those about `key`. */
  failWith: { status: number; type: string; key?: string } | null;
  /** Runs just before each write checks its If-Match: another writer getting in first. */
  beforeWrite: (() => void) | null;
  /** A write by someone else: changes the store and its version. */
  writeElsewhere(key: string, value: string): void;
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const SIGV4A = 'AWS4-ECDSA-P256-SHA256';

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, status: number, type: string, message: string) {
  send(res, status, { Message: message }, { 'x-amzn-errortype': type });
}

export async function startFakeKvs(): Promise<FakeKvs> {
  const arn = `arn:aws:cloudfront::${ACCOUNT}:key-value-store/a1b2c3d4-5678-90ab-cdef-1234567890ab`;
  const entries = new Map<string, string>();
  const requests: KvsRequest[] = [];
  const created = Math.floor(Date.now() / 1000);
  let version = 1;
  const etag = () => `KV${version}`;
  const totals = () => ({ ItemCount: entries.size, TotalSizeInBytes: [...entries].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0) });

  const fake: FakeKvs = {
    endpoint: '',
    arn,
    entries,
    requests,
    failWith: null,
    beforeWrite: null,
    writeElsewhere(key, value) {
      entries.set(key, value);
      version += 1;
    },
    close: () => Promise.resolve(),
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const match = /^\/key-value-stores\/([^/]+)(\/keys(?:\/([^/]+))?)?$/.exec(url.pathname);
      const key = match?.[3] === undefined ? undefined : decodeURIComponent(match[3]);
      const operation: KvsRequest['operation'] | undefined = !match
        ? undefined
        : !match[2]
          ? req.method === 'GET'
            ? 'DescribeKeyValueStore'
            : undefined
          : key === undefined
            ? req.method === 'GET'
              ? 'ListKeys'
              : undefined
            : ({ GET: 'GetKey', PUT: 'PutKey', DELETE: 'DeleteKey' } as const)[req.method as 'GET' | 'PUT' | 'DELETE'];
      if (!match || !operation) return sendError(res, 404, 'UnknownOperationException', `${req.method} ${url.pathname}`);

      const authorization = String(req.headers.authorization ?? '');
      requests.push({ operation, key, ifMatch: req.headers['if-match'], algorithm: authorization.split(' ')[0], regionSet: req.headers['x-amz-region-set'] as string | undefined });
      if (fake.failWith && (fake.failWith.key === undefined || fake.failWith.key === key)) return sendError(res, fake.failWith.status, fake.failWith.type, 'failing as told');
      // KeyValueStore accepts only SigV4A; a plain SigV4 request is refused as AWS refuses it.
      if (!authorization.startsWith(`${SIGV4A} `)) return sendError(res, 403, 'AccessDeniedException', 'The request must be signed with SigV4A.');
      if (decodeURIComponent(match[1]!) !== arn) return sendError(res, 404, 'ResourceNotFoundException', 'No such key value store.');

      switch (operation) {
        case 'DescribeKeyValueStore':
          return send(res, 200, { KvsARN: arn, ...totals(), Created: created, LastModified: created, Status: 'READY' }, { etag: etag() });
        case 'ListKeys':
          return send(res, 200, { Items: [...entries].map(([Key, Value]) => ({ Key, Value })) });
        case 'GetKey': {
          const value = entries.get(key!);
          if (value === undefined) return sendError(res, 404, 'ResourceNotFoundException', 'No such key.');
          return send(res, 200, { Key: key, Value: value, ...totals() });
        }
        default: {
          fake.beforeWrite?.();
          const ifMatch = req.headers['if-match'];
          if (!ifMatch) return sendError(res, 400, 'ValidationException', 'If-Match is required.');
          if (ifMatch !== etag()) return sendError(res, 409, 'ConflictException', 'The key value store has changed; describe it again.');
          if (operation === 'DeleteKey') {
            if (!entries.delete(key!)) return sendError(res, 404, 'ResourceNotFoundException', 'No such key.');
          } else {
            entries.set(key!, (JSON.parse(raw) as { Value: string }).Value);
          }
          version += 1;
          return send(res, 200, totals(), { etag: etag() });
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
