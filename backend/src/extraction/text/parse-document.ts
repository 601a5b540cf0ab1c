import type { DocumentKind, DocumentText } from './document-text';
import { docxText } from './docx-text';
import { pdfText } from './pdf-text';
import { plainText } from './plain-text';

/** Parses in the calling thread; extractText runs this inside a worker, which is where untrusted files belong. */
export async function parseDocument(file: Uint8Array, kind: DocumentKind, maxPages: number): Promise<DocumentText> {
  switch (kind) {
    case 'pdf':
      return pdfText(file, maxPages);
    case 'docx':
      return docxText(asBuffer(file));
    case 'txt':
      return plainText(asBuffer(file));
  }
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
