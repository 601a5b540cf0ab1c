import { parentPort, workerData } from 'node:worker_threads';
import { ExtractionError } from '../errors';
import type { DocumentKind, DocumentText } from './document-text';
import { parseDocument } from './parse-document';

// The worker half of extractText: parses one file and posts one message back. Run by
// extract-text.ts only.

export interface TextJob {
  file: Uint8Array;
  kind: DocumentKind;
  maxPages: number;
}

export type TextJobReply =
  | { ok: true; document: DocumentText }
  | { ok: false; error: { name: string; message: string; stack?: string; code?: string; permanent?: boolean } };

const job = workerData as TextJob;

parseDocument(job.file, job.kind, job.maxPages).then(
  (document) => reply({ ok: true, document }),
  (error: unknown) => {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    reply({
      ok: false,
      error: error instanceof ExtractionError ? { name, message, code: error.code, permanent: error.permanent } : { name, message, ...(stack === undefined ? {} : { stack }) },
    });
  },
);

function reply(message: TextJobReply): void {
  parentPort!.postMessage(message);
}
