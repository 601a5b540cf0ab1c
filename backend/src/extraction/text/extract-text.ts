import { ExtractionError } from '../errors';
import type { DocumentKind, DocumentText } from './document-text';
import { ParserPool } from './parser-pool';

export interface ExtractTextOptions {
  /** Wall-clock limit for parsing, from when a parser process takes the file (default 20 s). */
  timeoutMs?: number;
  /** PDFs with more pages are refused with TOO_MANY_PAGES (default 30). */
  maxPages?: number;
  /** The worker's warm parser processes. Without a pool, a process with the default limits is started for this file alone. */
  pool?: ParserPool;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_PAGES = 30;
const DOCUMENT_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'txt'];

/**
 * The text of an uploaded CV. Parsing runs in a separate process with an OS memory limit
 * and a timeout, so a hostile or pathological file can neither crash, swell nor block
 * this process; every failure caused by the file is a permanent ExtractionError.
 */
export async function extractText(file: Buffer, kind: DocumentKind, options: ExtractTextOptions = {}): Promise<DocumentText> {
  if (file.length === 0) throw new ExtractionError('FILE_EMPTY');
  // The kind usually comes back from a queue message or a database row, not from the type checker.
  if (!DOCUMENT_KINDS.includes(kind)) throw new ExtractionError('UNSUPPORTED_TYPE');
  const pool = options.pool ?? new ParserPool();
  try {
    return await pool.parse({ file, kind, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } finally {
    if (!options.pool) await pool.close();
  }
}
