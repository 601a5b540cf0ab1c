import { ExtractionError } from '../errors';
import type { ExtractorResult } from '../extractors/extractor';
import { extractOffline } from '../extractors/offline/offline-extractor';
import { assertDocumentLength, assertTextFileLength } from './cv-length';
import type { DocumentKind, DocumentText } from './document-text';
import { parseDocument } from './parse-document';

// The child half of the parser pool: a warm process that takes one job at a time from
// parser-pool-process.ts, under the memory limit its parent set: parsing a file, or reading
// a parsed document with the offline extractor (its time grows with the document's shape,
// which the uploader chooses). Started by the pool only.

export interface ParseJob {
  file: Uint8Array;
  kind: DocumentKind;
  maxPages: number;
}

/** What each kind of job is given and gives back. */
export interface Jobs {
  parse: { job: ParseJob; result: DocumentText };
  extract: { job: DocumentText; result: ExtractorResult };
}

export type JobKind = keyof Jobs;

export type ChildJob = { [K in JobKind]: { kind: K; job: Jobs[K]['job'] } }[JobKind];

export interface FailureReport {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  permanent?: boolean;
}

export type ChildMessage = { type: 'ready' } | { type: 'done'; result: Jobs[JobKind]['result'] } | { type: 'failed'; error: FailureReport };

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

const RUN: { [K in JobKind]: (job: Jobs[K]['job']) => Promise<Jobs[K]['result']> } = {
  parse,
  extract: async (document) => extractOffline(document),
};

process.on('message', ({ kind, job }: ChildJob) => {
  (RUN[kind] as (job: ChildJob['job']) => Promise<Jobs[JobKind]['result']>)(job).then(
    (result) => send({ type: 'done', result }),
    (error: unknown) => send({ type: 'failed', error: report(error) }),
  );
});
// Without its parent nobody needs this process.
process.on('disconnect', () => process.exit(0));

// Loading pdf.js is most of a cold start: done before saying ready, it is paid once per process.
void import('pdfjs-dist/legacy/build/pdf.mjs').then(() => send({ type: 'ready' }));
