import { ExtractionError } from '../errors';
import type { DocumentText } from './document-text';
import { textEncoding } from './file-kind';

/**
 * How long a CV can be. A long academic CV runs to about 30 pages, some 2,000 lines and
 * 150,000 characters; these leave ample room above that and stop what no CV is (a log
 * file, a book, a million one-letter lines) before it fills the parser's memory.
 */
export const CV_LENGTH_LIMITS = { maxLines: 10_000, maxCharacters: 500_000 };

// The line breaks plain-text.ts splits on.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** Refuses a plain-text file longer than a CV before it is parsed: parsing makes an object per line. */
export function assertTextFileLength(file: Uint8Array): void {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const { encoding, bomLength } = textEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  if (text.length > CV_LENGTH_LIMITS.maxCharacters || exceedsLineCount(text)) throw new ExtractionError('CV_TOO_LONG');
}

/** Refuses parsed text longer than a CV (a DOCX or PDF can hold far more text than its size suggests). */
export function assertDocumentLength(document: DocumentText): void {
  if (document.lines.length > CV_LENGTH_LIMITS.maxLines || document.plainText.length > CV_LENGTH_LIMITS.maxCharacters) {
    throw new ExtractionError('CV_TOO_LONG');
  }
}

function exceedsLineCount(text: string): boolean {
  let lines = 1;
  // Counts without splitting, so a million lines cost no million strings.
  for (const _ of text.matchAll(LINE_BREAK)) {
    lines += 1;
    if (lines > CV_LENGTH_LIMITS.maxLines) return true;
  }
  return false;
}
