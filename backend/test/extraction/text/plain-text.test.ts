import { plainText } from '../../../src/extraction/text/plain-text';
import { extractionFailure } from './failures';

const SPANISH = 'María José Núñez\r\nIngeniera de datos\r\n\r\n\r\nEXPERIENCIA\r\n• Diseñé el almacén\u00A0de datos\r\n- Reduje costes\r\n';
const HEBREW = 'דנה כהן\nמהנדסת תוכנה\n\nניסיון\n* פיתוח מערכות';

describe('plainText', () => {
  it('reads UTF-8 line by line with gaps that grow with blank lines and bullets taken off', () => {
    const document = plainText(Buffer.from(SPANISH, 'utf8'));
    expect(document.lines.map(({ text, y, gapBefore, listItem }) => ({ text, y, gapBefore, listItem }))).toEqual([
      { text: 'María José Núñez', y: 0, gapBefore: 0, listItem: false },
      { text: 'Ingeniera de datos', y: 14, gapBefore: 14, listItem: false },
      { text: 'EXPERIENCIA', y: 56, gapBefore: 42, listItem: false },
      { text: 'Diseñé el almacén de datos', y: 70, gapBefore: 14, listItem: true },
      { text: 'Reduje costes', y: 84, gapBefore: 14, listItem: true },
    ]);
    expect(document.lines.every((line) => line.fontSize === 11 && !line.bold && !line.italic && line.page === 1 && line.column === 0 && line.x === 0)).toBe(true);
    expect(document).toMatchObject({
      kind: 'txt',
      pageCount: 1,
      plainText: 'María José Núñez\nIngeniera de datos\nEXPERIENCIA\nDiseñé el almacén de datos\nReduje costes',
    });
  });

  it('reads tabs and runs of three or more spaces as gaps between cells, two spaces as a space', () => {
    const document = plainText(Buffer.from('Acme Corp        2019 – 2023\nLead engineer\tBerlin\n    Indented bullet text\nEnd.  Next sentence'));
    expect(document.lines.map((line) => line.text)).toEqual(['Acme Corp\t2019 – 2023', 'Lead engineer\tBerlin', 'Indented bullet text', 'End. Next sentence']);
  });

  it('strips a UTF-8 BOM', () => {
    expect(plainText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Jane Doe')])).plainText).toBe('Jane Doe');
  });

  it('reads UTF-16LE and UTF-16BE with a BOM, Hebrew kept as written', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEBREW, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(HEBREW, 'utf16le').swap16()]);
    for (const file of [le, be]) {
      const document = plainText(file);
      expect(document.plainText).toBe('דנה כהן\nמהנדסת תוכנה\nניסיון\nפיתוח מערכות');
      expect(document.lines.map((line) => [line.gapBefore, line.listItem])).toEqual([
        [0, false],
        [14, false],
        [28, false],
        [14, true],
      ]);
    }
  });

  it('finds no text in a file of blank lines', async () => {
    expect(await extractionFailure(() => plainText(Buffer.from(' \n\t\r\n\u00A0\n')))).toMatchObject({ code: 'NO_TEXT_FOUND', permanent: true });
  });
});
