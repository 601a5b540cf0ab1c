import type { DocumentKind, DocumentText, TextLine } from '../../../src/extraction/text/document-text';

// DocumentText built by hand, line by line, the way the text extraction would give it:
// body text 10 pt in a column starting at x 50, widths from the characters (half an em
// each), 14 pt between lines unless a line says otherwise.

export type LineSpec = string | [string, Partial<TextLine>];

export const BODY = 10;

export function documentOf(specs: readonly LineSpec[], kind: DocumentKind = 'pdf'): DocumentText {
  let y = 40;
  const lines = specs.map((spec, index): TextLine => {
    const [text, extra] = typeof spec === 'string' ? [spec, {}] : spec;
    const fontSize = extra.fontSize ?? BODY;
    const gapBefore = index === 0 ? 0 : (extra.gapBefore ?? 14);
    y += gapBefore;
    return { text, page: 1, x: 50, y, width: text.length * fontSize * 0.5, fontSize, bold: false, italic: false, column: 0, listItem: false, ...extra, gapBefore };
  });
  return { kind, pageCount: Math.max(...lines.map((line) => line.page)), lines, plainText: lines.map((line) => line.text).join('\n') };
}

export const heading = (text: string): LineSpec => [text, { fontSize: 13, bold: true, gapBefore: 26 }];
export const name = (text: string): LineSpec => [text, { fontSize: 24, bold: true }];
export const bullet = (text: string): LineSpec => [text, { listItem: true }];
export const bold = (text: string, gapBefore = 14): LineSpec => [text, { bold: true, gapBefore }];
