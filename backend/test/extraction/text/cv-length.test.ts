import { assertDocumentLength, assertTextFileLength, CV_LENGTH_LIMITS } from '../../../src/extraction/text/cv-length';
import type { DocumentText } from '../../../src/extraction/text/document-text';
import { extractionFailure } from './failures';

const { maxLines, maxCharacters } = CV_LENGTH_LIMITS;
// A long academic CV: 2,000 lines of 70 characters.
const longCv = Array.from({ length: 2_000 }, (_, i) => `Publication ${i}: a title that runs on for a while, journal, 2024`.padEnd(70, '.')).join('\n');

function document(lines: number, lineText = 'x'): DocumentText {
  const texts = Array.from({ length: lines }, () => lineText);
  return {
    kind: 'docx',
    pageCount: 1,
    lines: texts.map((text, i) => ({ text, page: 1, x: 0, y: i * 14, width: 0, fontSize: 11, bold: false, italic: false, column: 0, gapBefore: 14, listItem: false })),
    plainText: texts.join('\n'),
  };
}

describe('CV length limits', () => {
  it('let a long real CV through', () => {
    expect(() => assertTextFileLength(Buffer.from(longCv))).not.toThrow();
    expect(() => assertDocumentLength(document(2_000, 'x'.repeat(70)))).not.toThrow();
  });

  it.each([
    ['too many lines', 'a\n'.repeat(maxLines)],
    ['too many lines ending in CR alone', 'a\r'.repeat(maxLines)],
    ['too many characters on few lines', 'a'.repeat(maxCharacters + 1)],
  ])('refuse a text file with %s', async (_, text) => {
    expect(await extractionFailure(() => assertTextFileLength(Buffer.from(text)))).toMatchObject({ code: 'CV_TOO_LONG', permanent: true });
  });

  it('count characters, not bytes, in UTF-16', async () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // 300,000 characters are 600,000 bytes: still a CV by its length.
    expect(() => assertTextFileLength(utf16('a'.repeat(300_000)))).not.toThrow();
    expect(await extractionFailure(() => assertTextFileLength(utf16('a\n'.repeat(maxLines))))).toMatchObject({ code: 'CV_TOO_LONG' });
  });

  it('refuse a parsed document with more lines or characters than a CV', async () => {
    expect(await extractionFailure(() => assertDocumentLength(document(maxLines + 1)))).toMatchObject({ code: 'CV_TOO_LONG' });
    expect(await extractionFailure(() => assertDocumentLength(document(2, 'x'.repeat(maxCharacters))))).toMatchObject({ code: 'CV_TOO_LONG' });
  });
});
