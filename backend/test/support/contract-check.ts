import { API_PATHS, ErrorBodySchema, type ApiOperation, type ApiResponse } from '@r2w/cv-schema/api';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';

// Checks every response of a test app against the API contract (API_PATHS): the operation
// its method and path belong to must document its status and content type, and a JSON body
// must match the schema documented for them. Problems are collected here and fail the test
// that caused them (contract-violations-fail.ts, run after each test).

const violations: string[] = [];

/** The problems found since the last call. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

interface Operation {
  template: string;
  operation: ApiOperation;
}

// `{path}` is the rest of the address (Express's `*path`), slashes included; any other
// parameter is one segment.
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{path\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

const TEMPLATES = Object.entries(API_PATHS).map(([template, item]) => ({ template, item, pattern: templatePattern(template), params: (template.match(/\{/g) ?? []).length }));

/**
 * The documented operation for a request; literal paths win over templated ones, as in
 * OpenAPI. Express also routes an address with a trailing slash added.
 */
function findOperation(method: Method, path: string): Operation | null {
  for (const candidate of [path, path.replace(/(.)\/$/, '$1')]) {
    const found = TEMPLATES.filter((t) => t.pattern.test(candidate) && t.item[method]).sort((a, b) => a.params - b.params)[0];
    if (found) return { template: found.template, operation: found.item[method]! };
  }
  return null;
}

function mediaTypeOf(res: Response): string | null {
  const header = res.getHeader('content-type');
  return typeof header === 'string' ? header.split(';')[0]!.trim().toLowerCase() : null;
}

function documentedMediaType(response: ApiResponse, mediaType: string): string | undefined {
  const [type] = mediaType.split('/');
  return Object.keys(response.content ?? {}).find((key) => key === mediaType || key === `${type}/*` || key === '*/*');
}

function bodyProblem(schema: unknown, body: Buffer): string | null {
  if (!(schema instanceof z.ZodType)) return null;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  const result = schema.safeParse(value);
  return result.success ? null : `the body does not match its schema:\n${z.prettifyError(result.error)}`;
}

function check(req: Request, res: Response, body: Buffer): void {
  const method = req.method.toLowerCase() as Method | 'head' | 'options';
  if (method === 'head' || method === 'options') return;
  const path = req.originalUrl.split('?')[0]!;
  const status = String(res.statusCode);
  const mediaType = mediaTypeOf(res);
  const found = findOperation(method, path);
  const report = (where: string, problem: string): void => {
    violations.push(`${req.method} ${path} → ${status} (${where}): ${problem}`);
  };

  if (!found) {
    // Not an API address (an unknown route, the SPA's pages): only errors are the API's.
    const problem = mediaType === 'application/json' && res.statusCode >= 400 ? bodyProblem(ErrorBodySchema, body) : null;
    if (problem) report('no documented route', problem);
    return;
  }
  const where = `${method.toUpperCase()} ${found.template}`;
  const response = found.operation.responses[status as `2${string}`] as ApiResponse | undefined;
  if (!response) return report(where, `status ${status} is not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`);
  if (!response.content || mediaType === null) return;
  const documented = documentedMediaType(response, mediaType);
  if (!documented) return report(where, `answered ${mediaType}, documented: ${Object.keys(response.content).join(', ')}`);
  const problem = mediaType === 'application/json' ? bodyProblem(response.content[documented]?.schema, body) : null;
  if (problem) report(where, problem);
}

/** Only JSON bodies are kept (watch), so the body of any other answer is empty here. */
function decoded(encoding: string, body: Buffer): Buffer {
  if (body.length === 0) return body;
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (chunk?: unknown, ...rest: unknown[]) => Response;

/** Keeps a JSON response's body as it is written, and checks the response once it is sent. */
function watch(req: Request, res: Response): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (mediaTypeOf(res) !== 'application/json' || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return;
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk);
  };
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  (res as { write: Write }).write = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  (res as { end: End }).end = (chunk, ...rest) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  };
  // The API compresses what it sends; what is checked is what the client reads.
  res.on('finish', () => check(req, res, decoded(String(res.getHeader('Content-Encoding') ?? 'identity'), Buffer.concat(chunks))));
}

/** `app` behind a first middleware that checks each response against the contract. */
export function checkedAgainstContract(app: Express): Express {
  const checked = express();
  checked.disable('x-powered-by');
  checked.use((req, res, next) => {
    watch(req, res);
    next();
  });
  checked.use(app);
  return checked;
}
