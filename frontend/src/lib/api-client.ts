// Every call to the API goes through here: one place that adds the session, refreshes an
// expired access token once, and turns any failure into an ApiError with a sentence a
// person can read.

export const API_BASE_URL: string = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');

/** An address the API gave (a preview link, say), usable from the SPA wherever it is served. */
export function apiUrl(address: string): string {
  return new URL(address, API_BASE_URL || window.location.origin).href;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const OFFLINE = 'We could not reach Resume2Website. Check your connection and try again.';

type TokenSource = {
  accessToken(): string | null;
  /** Gets a new access token from the refresh cookie; null when the session has ended. */
  refresh(): Promise<string | null>;
};

let tokens: TokenSource = { accessToken: () => null, refresh: async () => null };

/** Called once by the auth provider, so the client stays free of React. */
export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

export function currentAccessToken(): string | null {
  return tokens.accessToken();
}

export function refreshAccessToken(): Promise<string | null> {
  return tokens.refresh();
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the body itself, with its own Content-Type (a photo), in place of JSON. */
  file?: Blob;
  /** Lets an anonymous uploader reach their own CV. */
  claimToken?: string;
  signal?: AbortSignal;
};

/** The API's error shape ({error:{code,message,details?}}) as an ApiError; `fallback` when the body is not that. */
export function errorFromBody(status: number, body: unknown, fallback?: string): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return new ApiError(status, error.code, error.message, error.details);
  return new ApiError(status, 'HTTP_' + status, fallback ?? (status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : `The request failed (${status}).`));
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await response.json().catch(() => null));
}

function headersFor(options: Pick<RequestOptions, 'claimToken' | 'body' | 'file'>, token: string | null): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.file) headers.set('Content-Type', options.file.type);
  else if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (options.claimToken) headers.set('X-Claim-Token', options.claimToken);
  return headers;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  try {
    return await fetch(`${API_BASE_URL}${path}`, {
      method: options.method ?? 'GET',
      headers: headersFor(options, token),
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', OFFLINE);
  }
}

/** The raw response of a successful call (for downloads); refreshes the session once if needed. */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  let token = tokens.accessToken();
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    token = await tokens.refresh();
    if (token) response = await send(path, options, token);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The message to show for any failure, whatever threw it. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
