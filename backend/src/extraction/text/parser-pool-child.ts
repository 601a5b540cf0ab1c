import { ExtractionError } from '../errors';
import { assertDocumentLength, assertTextFileLength } from './cv-length';
import type { DocumentKind, DocumentText } from './document-text';
import { parseDocument } from './parse-document';

// The child half of the parser pool: a warm process that parses one file at a time for
// parser-pool-process.ts, under the memory limit its parent set. Started by the pool only.

export interface ParseJob {
  file: Uint8Array;
  kind: DocumentKind;
  maxPages: number;
}

export interface FailureReport {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  permanent?: boolean;
}

export type ChildMessage = { type: 'ready' } | { type: 'parsed'; document: DocumentText } | { type: 'failed'; error: FailureReport };

// Most allocations past the memory limit kill the process, which the parent sees; the
// few that fail politely surface as these errors, possibly wrapped by pdf.js.
const OUT_OF_MEMORY = /allocation failed|out of memory/i;

async function parse(job: ParseJob): Promise<DocumentText> {
  if (job.kind === 'txt') assertTextFileLength(job.file);
  const document = await parseDocument(job.file, job.kind, job.maxPages);
  assertDocumentLength(document);
  return document;
}

function report(error: unknown): FailureReport {
  if (ranOutOfMemory(error)) {
    const { name, message, code, permanent } = new ExtractionError('FILE_TOO_COMPLEX');
    return { name, message, code, permanent };
  }
  if (error instanceof ExtractionError) return { name: error.name, message: error.message, code: error.code, permanent: error.permanent };
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message, ...(stack === undefined ? {} : { stack }) };
}

function ranOutOfMemory(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) if (OUT_OF_MEMORY.test(cause.message)) return true;
  return false;
}

const send = (message: ChildMessage): void => {
  process.send!(message);
};

process.on('message', (job: ParseJob) => {
  parse(job).then(
    (document) => send({ type: 'parsed', document }),
    (error: unknown) => send({ type: 'failed', error: report(error) }),
  );
});
// Without its parent nobody needs this process.
process.on('disconnect', () => process.exit(0));

// Loading pdf.js is most of a cold start: done before saying ready, it is paid once per process.
void import('pdfjs-dist/legacy/build/pdf.mjs').then(() => send({ type: 'ready' }));
