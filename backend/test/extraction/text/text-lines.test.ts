import { assembleDocument, cleanText, type DraftLine, splitBullet } from '../../../src/extraction/text/text-lines';
import { extractionFailure } from './failures';

describe('cleanText', () => {
  it('collapses every kind of whitespace and trims', () => {
    expect(cleanText('  Jane\u00A0\u00A0Doe\t\u2009 Engineer \u3000')).toBe('Jane Doe Engineer');
  });

  it('drops control characters, soft hyphens, zero-width spaces and BOMs', () => {
    expect(cleanText('\uFEFFde\u00ADvel\u200Boper\u0007 \u0000x\u009F')).toBe('developer x');
  });

  it('keeps accents, Hebrew and joiners', () => {
    expect(cleanText('José Núñez  דנה כהן  می\u200Cخواهم')).toBe('José Núñez דנה כהן می\u200Cخواهم');
  });

  it('gives back the ideographs that CJK fonts map to Kangxi radicals', () => {
    expect(cleanText('软件\u2F2F程师 北京\u2F24学 \u2F08事')).toBe('软件工程师 北京大学 人事');
  });

  it('gives back the Arabic letters behind display forms and lam-alef ligatures', () => {
    // "الأردن" and "مهندسة" as Chromium's PDFs carry them: contextual forms, a lam-alef ligature.
    expect(cleanText('\uFE8D\uFEF7\uFEAD\uFEA9\uFEE5 \uFEE3\uFEEC\uFEE8\uFEAA\uFEB4\uFE94')).toBe('الأردن مهندسة');
  });

  it('reads an icon glyph left unmapped (a private-use character) as a marker between values', () => {
    expect(cleanText('London\uF041\uF042 jane@example.com')).toBe('London• jane@example.com');
  });
});

describe('cleanText and glyphs with no Unicode', () => {
  it('reads an unmapped glyph between a number and the next value as a range dash', () => {
    expect(cleanText('2010 \uFFFF 2014')).toBe('2010 – 2014');
    expect(cleanText('03/2019 \uFFFD Present')).toBe('03/2019 – Present');
    expect(cleanText('2010\uFFFF2014')).toBe('2010–2014');
  });

  it('leaves an unmapped glyph elsewhere as it is', () => {
    expect(cleanText('Caf\uFFFD au lait')).toBe('Caf\uFFFD au lait');
    expect(cleanText('\uFFFF Python')).toBe('\uFFFF Python');
    expect(cleanText('Reduced churn by 30\uFFFD in 2019')).toBe('Reduced churn by 30\uFFFD in 2019');
  });
});

describe('splitBullet', () => {
  it.each([
    ['• Led a team', 'Led a team'],
    ['●Led a team', 'Led a team'],
    ['▪ Led', 'Led'],
    ['‣ Led', 'Led'],
    ['◦ Led', 'Led'],
    ['· Led', 'Led'],
    ['- Led', 'Led'],
    ['* Led', 'Led'],
    ['– Led', 'Led'],
    // Word's Symbol and Wingdings bullets and other icon glyphs, private-use characters.
    ['\uF0B7 Led', 'Led'],
    ['\uF0A7Led', 'Led'],
    ['\uE0B0 +44 20 7946 0018', '+44 20 7946 0018'],
  ])('takes the bullet off %j', (input, text) => {
    expect(splitBullet(cleanText(input))).toEqual({ text, listItem: true });
  });

  it.each(['-5% churn', '*nix admin', '–2 °C', 'Led • twice', '2019 - 2021'])('leaves %j alone', (input) => {
    expect(splitBullet(input)).toEqual({ text: input, listItem: false });
  });
});

describe('assembleDocument', () => {
  const draft = (text: string, y: number, extra: Partial<DraftLine> = {}): DraftLine => ({
    text,
    page: 1,
    x: 10.123,
    y,
    width: 50,
    fontSize: 10.96,
    bold: false,
    italic: false,
    column: 0,
    ...extra,
  });

  it('measures gaps per page and column, drops empty lines and joins plain text', () => {
    const document = assembleDocument('pdf', 2, [
      draft('Header', 10),
      draft(' \u00A0 ', 20),
      draft('• Left', 30.004),
      draft('Right', 40, { column: 1 }),
      draft('Right 2', 52.5, { column: 1 }),
      draft('Next page', 15, { page: 2 }),
    ]);
    expect(document.lines.map(({ text, y, gapBefore, column, page, listItem }) => ({ text, y, gapBefore, column, page, listItem }))).toEqual([
      { text: 'Header', y: 10, gapBefore: 0, column: 0, page: 1, listItem: false },
      { text: 'Left', y: 30, gapBefore: 20, column: 0, page: 1, listItem: true },
      { text: 'Right', y: 40, gapBefore: 0, column: 1, page: 1, listItem: false },
      { text: 'Right 2', y: 52.5, gapBefore: 12.5, column: 1, page: 1, listItem: false },
      { text: 'Next page', y: 15, gapBefore: 0, column: 0, page: 2, listItem: false },
    ]);
    expect(document.lines[0]).toMatchObject({ x: 10.12, fontSize: 11 });
    expect(document.plainText).toBe('Header\nLeft\nRight\nRight 2\nNext page');
    expect(document).toMatchObject({ kind: 'pdf', pageCount: 2 });
  });

  it('keeps tabs between cells, cleaning each cell and dropping empty ones with their x', () => {
    const document = assembleDocument('pdf', 1, [
      draft('Acme\u00A0 Corp\t\u200B\t2019 – 2023', 10, { cellX: [40, 200, 480] }),
      draft('•\tLed the team\tBerlin', 24, { cellX: [40, 52, 480] }),
      draft('Python\t \t', 38, { cellX: [40, 120, 200] }),
      draft('Go  \t  Rust', 52),
    ]);
    expect(document.lines.map(({ text, cellX, listItem }) => ({ text, cellX, listItem }))).toEqual([
      { text: 'Acme Corp\t2019 – 2023', cellX: [40, 480], listItem: false },
      { text: 'Led the team\tBerlin', cellX: [52, 480], listItem: true },
      { text: 'Python', cellX: undefined, listItem: false },
      { text: 'Go\tRust', cellX: undefined, listItem: false },
    ]);
    expect(document.plainText).toBe('Acme Corp\t2019 – 2023\nLed the team\tBerlin\nPython\nGo\tRust');
  });

  it('refuses a document without any text', async () => {
    expect(await extractionFailure(() => assembleDocument('txt', 1, [draft(' \u200B ', 0), draft('•', 14)]))).toMatchObject({ code: 'NO_TEXT_FOUND' });
  });

  it('takes em dashes off as bullets in a document that opens lines with them one after another, and leaves a lone one that signs a quotation', () => {
    const list = assembleDocument('pdf', 1, [
      draft('Responsibilities', 10),
      draft('— Pilotage d’un budget média.', 22),
      draft('— Management d’une équipe.', 34),
      draft('Achievements', 46),
      draft('— Refonte du programme.', 58),
    ]);
    expect(list.lines.map((line) => [line.text, line.listItem])).toEqual([
      ['Responsibilities', false],
      ['Pilotage d’un budget média.', true],
      ['Management d’une équipe.', true],
      ['Achievements', false],
      ['Refonte du programme.', true],
    ]);
    const signed = assembleDocument('pdf', 1, [draft('“She rebuilt our checkout.”', 10), draft('— Ana Ruiz, CTO', 22), draft('“A calm lead.”', 34), draft('— Jon Bell', 46)]);
    expect(signed.lines.map((line) => line.text)).toEqual(['“She rebuilt our checkout.”', '— Ana Ruiz, CTO', '“A calm lead.”', '— Jon Bell']);
  });
});
