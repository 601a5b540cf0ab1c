import { ApiError } from './api-client';

/** The API's validation details ({path, message}[]) by field path, for messages beside each field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const byPath: Record<string, string> = {};
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof detail?.path === 'string' && typeof detail.message === 'string') byPath[detail.path] ??= detail.message;
  }
  return byPath;
}
