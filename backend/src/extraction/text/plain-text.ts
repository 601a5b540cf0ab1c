import type { DocumentText } from './document-text';
import { textEncoding } from './file-kind';
import { assembleDocument, type DraftLine } from './text-lines';

/** Points per source line, so that gaps read like those of an 11 pt PDF and a blank line doubles the gap. */
export const TEXT_LINE_PITCH = 14;
export const TEXT_FONT_SIZE = 11;
// Text files align columns with tabs or runs of spaces ("Acme Corp        2019 – 2023"); a
// sentence never has three spaces in a row.
const ALIGNMENT_GAP = / {3,}/g;

/** A plain-text CV: UTF-8, or UTF-8/UTF-16 with a BOM; one line per non-empty source line. */
export function plainText(file: Buffer): DocumentText {
  const { encoding, bomLength } = textEncoding(file);
  const text = new TextDecoder(encoding).decode(file.subarray(bomLength));
  const drafts: DraftLine[] = text.split(/\r\n|[\r\n\u2028\u2029\u0085]/).map((source, index) => ({
    text: source.replace(ALIGNMENT_GAP, '\t'),
    page: 1,
    x: 0,
    y: index * TEXT_LINE_PITCH,
    width: 0,
    fontSize: TEXT_FONT_SIZE,
    bold: false,
    italic: false,
    column: 0,
  }));
  return assembleDocument('txt', 1, drafts);
}
