import type { DocumentKind } from './document-text';

/** How many leading bytes detectKind looks at; pass at least this many when you have them. */
export const KIND_SNIFF_BYTES = 8 * 1024;

// PDF readers accept up to 1 KB of junk before the header (mail gateways and old
// generators put some there), so the upload check does too.
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

// Share of characters that may be controls or undecodable before a "text" file is taken
// for binary data that happens to decode.
const MAX_NON_TEXT_SHARE = 0.02;

/**
 * The kind of an upload judged by its first bytes (KIND_SNIFF_BYTES of them), or null
 * when it is none we read. A zip is only a DOCX candidate: the DOCX parser checks it
 * holds word/document.xml.
 */
export function detectKind(head: Buffer): DocumentKind | null {
  if (head.subarray(0, PDF_HEADER_WINDOW + PDF_MAGIC.length).includes(PDF_MAGIC)) return 'pdf';
  if (head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return 'docx';
  const text = decodeHead(head.subarray(0, KIND_SNIFF_BYTES));
  return text !== null && looksLikeText(text) ? 'txt' : null;
}

/** The encoding a text file declares by its BOM, UTF-8 otherwise; also how far the BOM reaches. */
export function textEncoding(bytes: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
}

function decodeHead(head: Buffer): string | null {
  const { encoding, bomLength } = textEncoding(head);
  // stream: true tolerates a character cut in half at the end of the sniffed window.
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    return decoder.decode(head.subarray(bomLength), { stream: true });
  } catch {
    return null;
  }
}

function looksLikeText(text: string): boolean {
  if (text === '') return false;
  let nonText = 0;
  for (const char of text) {
    if (char === '\0') return false;
    if (/[\p{Cc}\uFFFD]/u.test(char) && !/[\t\n\v\f\r]/.test(char)) nonText += 1;
  }
  return nonText <= text.length * MAX_NON_TEXT_SHARE;
}
