import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExtractionError, ExtractionFailure } from '../errors';
import type { DocumentKind, DocumentText } from './document-text';
import type { TextJob, TextJobReply } from './text-worker';

export interface ExtractTextOptions {
  /** Wall-clock limit for the whole parse, worker start included (default 20 s). */
  timeoutMs?: number;
  /** PDFs with more pages are refused with TOO_MANY_PAGES (default 30). */
  maxPages?: number;
  /** The worker's V8 old-generation heap limit (default 512 MB). */
  maxMemoryMb?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_PAGES = 30;
const DEFAULT_MAX_MEMORY_MB = 512;
const DOCUMENT_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'txt'];

// Compiled, the worker is a .js file beside this one. From TypeScript source (tests,
// tsx) it is a .ts file that the worker thread must compile itself: Node 20 does not
// apply `--import tsx` hooks to a worker's entry file, tsx's CommonJS hook does.
const WORKER_FILE = path.join(__dirname, `text-worker${path.extname(__filename)}`);
const WORKER_EXEC_ARGV = __filename.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : [];

/**
 * The text of an uploaded CV. Parsing runs in a worker thread with a heap limit and a
 * timeout, so a hostile or pathological file can neither crash nor block this process;
 * every failure caused by the file is an ExtractionError.
 */
export async function extractText(file: Buffer, kind: DocumentKind, options: ExtractTextOptions = {}): Promise<DocumentText> {
  if (file.length === 0) throw new ExtractionError('FILE_EMPTY');
  // The kind usually comes back from a queue message or a database row, not from the type checker.
  if (!DOCUMENT_KINDS.includes(kind)) throw new ExtractionError('UNSUPPORTED_TYPE');
  const job: TextJob = { file: new Uint8Array(file), kind, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES };
  const worker = new Worker(WORKER_FILE, {
    workerData: job,
    transferList: [job.file.buffer as ArrayBuffer],
    execArgv: WORKER_EXEC_ARGV,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB },
  });
  try {
    return await new Promise<DocumentText>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ExtractionError('EXTRACTION_TIMEOUT', false)), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const settle = (): void => clearTimeout(timer);
      worker.once('message', (reply: TextJobReply) => {
        settle();
        if (reply.ok) resolve(reply.document);
        else reject(fromWorker(reply.error));
      });
      worker.once('error', (error: Error & { code?: string }) => {
        settle();
        // Running out of heap is the file's doing (a parser fed a pathological structure).
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ExtractionError('FILE_CORRUPT', true, { cause: error }) : error);
      });
      worker.once('exit', (code) => {
        settle();
        reject(new Error(`The text worker stopped (exit code ${code}) without an answer.`));
      });
    });
  } finally {
    // Also ends a worker that is still parsing after the timeout.
    void worker.terminate();
  }
}

function fromWorker(error: Extract<TextJobReply, { ok: false }>['error']): Error {
  if (error.code !== undefined && Object.hasOwn(ExtractionFailure, error.code)) {
    return new ExtractionError(error.code as keyof typeof ExtractionFailure, error.permanent);
  }
  const rebuilt = new Error(`Text worker: ${error.message}`);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
