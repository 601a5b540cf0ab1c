import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExtractionError, ExtractionFailure } from '../../../src/extraction/errors';
import type { DocumentKind, DocumentText } from '../../../src/extraction/text/document-text';
import { extractText, type ExtractTextOptions } from '../../../src/extraction/text/extract-text';
import { ParserPool } from '../../../src/extraction/text/parser-pool';
import { extractionFailure } from './failures';
import { cjkPdf, nonEmbeddedFontPdf } from './font-pdfs';
import { cvDocx, FIXTURE_DIR, imageOnlyPdf, MAIN, manyPagesPdf, oneColumnCv, pictogramPdf, SIDEBAR, turnedLabelsPdf, twoColumnCv, twoPageDocument, zipBomb } from './fixtures';

type Outcome = { document: DocumentText; error?: undefined } | { document?: undefined; error: unknown };

// Every file goes through a real parser process, as in production: all of them through
// one warm pool, started together once; the tests read the outcomes.
const jobs: Record<string, () => Promise<[Buffer, DocumentKind, ExtractTextOptions?]>> = {
  oneColumn: async () => [await oneColumnCv(), 'pdf'],
  twoColumn: async () => [await twoColumnCv(), 'pdf'],
  twoPages: async () => [await twoPageDocument(), 'pdf'],
  twoPagesOverLimit: async () => [await twoPageDocument(), 'pdf', { maxPages: 1 }],
  imageOnly: async () => [await imageOnlyPdf(), 'pdf'],
  thirtyOnePages: async () => [await manyPagesPdf(31), 'pdf'],
  garbage: async () => [Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'garbage ~ 0 obj << >> stream\n')]), 'pdf'],
  truncated: async () => {
    const whole = await oneColumnCv();
    return [whole.subarray(0, Math.floor(whole.length / 2)), 'pdf'];
  },
  encrypted: async () => [readFileSync(path.join(FIXTURE_DIR, 'encrypted.pdf')), 'pdf'],
  hebrew: async () => [readFileSync(path.join(FIXTURE_DIR, 'hebrew.pdf')), 'pdf'],
  chinese: async () => [cjkPdf('chinese', ['张三', '高级软件工程师', '北京大学 计算机科学 2015–2019']), 'pdf'],
  japanese: async () => [cjkPdf('japanese', ['山田 太郎', 'ソフトウェアエンジニア', '東京大学 工学部']), 'pdf'],
  korean: async () => [cjkPdf('korean', ['김민준', '소프트웨어 엔지니어', '서울대학교 컴퓨터공학']), 'pdf'],
  turnedLabels: async () => [await turnedLabelsPdf(0), 'pdf'],
  turnedLabelsOnTurnedPage: async () => [await turnedLabelsPdf(90), 'pdf'],
  pictograms: async () => [await pictogramPdf(), 'pdf'],
  nonEmbeddedLatin: async () => [nonEmbeddedFontPdf(['Jane Doe', 'Software Engineer, Acme Corp']), 'pdf'],
  docx: async () => [await cvDocx(), 'docx'],
  docxBomb: async () => [zipBomb(2048, 1024), 'docx'],
  blankText: async () => [Buffer.from(' \n \n'), 'txt'],
};

const outcomes = new Map<string, Outcome>();
const pool = new ParserPool({ size: 2 });

beforeAll(async () => {
  await Promise.all(
    Object.entries(jobs).map(async ([name, job]) => {
      const [file, kind, options] = await job();
      outcomes.set(
        name,
        await extractText(file, kind, { ...options, pool }).then(
          (document) => ({ document }),
          (error: unknown) => ({ error }),
        ),
      );
    }),
  );
}, 120_000);

afterAll(() => pool.close());

function documentOf(name: string): DocumentText {
  const outcome = outcomes.get(name)!;
  if (outcome.error) throw outcome.error;
  return outcome.document!;
}

function errorOf(name: string): ExtractionError {
  const { error } = outcomes.get(name)!;
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

const summary = (document: DocumentText) => document.lines.map(({ text, column, page }) => ({ text, column, page }));

describe('extractText on PDFs', () => {
  it('reads a one-column CV with sizes, weights, fonts, bullets and spacing', () => {
    const document = documentOf('oneColumn');
    expect(document.lines.map(({ text, fontSize, bold, italic, fontName, listItem }) => ({ text, fontSize, bold, italic, fontName, listItem }))).toEqual([
      { text: 'Jane Doe', fontSize: 26, bold: true, italic: false, fontName: 'Helvetica-Bold', listItem: false },
      { text: 'Senior Software Engineer', fontSize: 11, bold: false, italic: false, fontName: 'Helvetica', listItem: false },
      { text: 'EXPERIENCE', fontSize: 13, bold: true, italic: false, fontName: 'Helvetica-Bold', listItem: false },
      { text: 'Acme Corp, Lead Engineer\t2019 - 2023', fontSize: 11, bold: false, italic: false, fontName: 'Helvetica', listItem: false },
      { text: 'Led a team of six engineers', fontSize: 11, bold: false, italic: false, fontName: 'Helvetica', listItem: true },
      { text: 'Cut build times by 40%', fontSize: 11, bold: false, italic: false, fontName: 'Helvetica', listItem: true },
      { text: 'Python, TypeScript', fontSize: 11, bold: false, italic: false, fontName: 'Helvetica', listItem: false },
      { text: 'EDUCATION', fontSize: 13, bold: true, italic: false, fontName: 'Helvetica-Bold', listItem: false },
      { text: 'BSc Computer Science, University of Leeds', fontSize: 11, bold: false, italic: true, fontName: 'Times-Italic', listItem: false },
    ]);
    // Baselines were drawn at 80, 104, ..., 258 pt from the top; y is the top of the line (baseline − ascent,
    // the ascent of the standard font data pdf.js reads for the non-embedded Helvetica).
    expect(document.lines.map((line) => line.gapBefore)).toEqual([0, 37.58, 34.19, 21.81, 14, 14, 14, 34.19, 22.97]);
    expect(document.lines[0]).toMatchObject({ page: 1, column: 0, x: 50, y: 56.46, width: 115.6 });
    expect(document.lines[3]).toMatchObject({ x: 50, width: 478.71 });
    expect(document).toMatchObject({ kind: 'pdf', pageCount: 1 });
    expect(document.plainText).toBe(document.lines.map((line) => line.text).join('\n'));
  });

  it('reads a two-column page column by column, the full-width header first', () => {
    const document = documentOf('twoColumn');
    expect(summary(document)).toEqual([
      { text: 'John Smith', column: 0, page: 1 },
      { text: 'Product designer based in London, working across research, interaction and visual design', column: 0, page: 1 },
      ...SIDEBAR.map((text) => ({ text, column: 0, page: 1 })),
      ...MAIN.map((text) => ({ text: text.replace(/^• /, ''), column: 1, page: 1 })),
    ]);
    const firstOfMain = document.lines.find((line) => line.column === 1)!;
    expect(firstOfMain).toMatchObject({ text: 'EXPERIENCE', x: 230, gapBefore: 0, bold: true });
    expect(document.lines.filter((line) => line.column === 1 && line.listItem)).toHaveLength(5);
    expect(document.lines.find((line) => line.text === 'EDUCATION')!.gapBefore).toBe(24);
    expect(document.lines.find((line) => line.text === '+44 20 7946 0000')!.gapBefore).toBe(16);
  });

  it('numbers the pages of a two-page document and restarts gaps on each page', () => {
    const document = documentOf('twoPages');
    expect(document.pageCount).toBe(2);
    expect(document.lines.map(({ text, page, gapBefore }) => ({ text, page, gapBefore }))).toEqual([
      { text: 'Page one first line', page: 1, gapBefore: 0 },
      { text: 'Page one second line', page: 1, gapBefore: 14 },
      { text: 'Page two first line', page: 2, gapBefore: 0 },
      { text: 'Page two second line', page: 2, gapBefore: 14 },
    ]);
  });

  it('keeps Hebrew in the order pdf.js gives it, words apart', () => {
    const document = documentOf('hebrew');
    expect(document.lines.map((line) => line.text)).toEqual(['דנה כהן', 'מהנדסת תוכנה בכירה', 'ניסיון תעסוקתי', 'פיתוח מערכות בענן']);
    expect(document.lines[0]).toMatchObject({ fontSize: 22, bold: true, fontName: 'DejaVuSans-Bold' });
    expect(document.lines[1]).toMatchObject({ fontSize: 11, bold: false, fontName: 'DejaVuSans' });
  });

  it.each([
    ['imageOnly', 'NO_TEXT_FOUND'],
    ['thirtyOnePages', 'TOO_MANY_PAGES'],
    ['twoPagesOverLimit', 'TOO_MANY_PAGES'],
    ['garbage', 'FILE_CORRUPT'],
    ['encrypted', 'PDF_ENCRYPTED'],
  ] as const)('refuses %s with %s', (name, code) => {
    expect(errorOf(name)).toMatchObject({ code, permanent: true, message: ExtractionFailure[code] });
  });

  it('reads Chinese, Japanese and Korean text set in fonts the PDF does not embed, through pdf.js CMaps', () => {
    expect(documentOf('chinese').lines.map((line) => line.text)).toEqual(['张三', '高级软件工程师', '北京大学 计算机科学 2015–2019']);
    expect(documentOf('japanese').lines.map((line) => line.text)).toEqual(['山田 太郎', 'ソフトウェアエンジニア', '東京大学 工学部']);
    expect(documentOf('korean').lines.map((line) => line.text)).toEqual(['김민준', '소프트웨어 엔지니어', '서울대학교 컴퓨터공학']);
  });

  it('reads the text upright on the page, the page turned or not, and leaves out turned chart labels', () => {
    expect(documentOf('turnedLabels').lines.map((line) => line.text)).toEqual(['Experience', 'Engineer, Acme Corp']);
    expect(documentOf('turnedLabelsOnTurnedPage').lines.map((line) => line.text)).toEqual(['Experience', 'Engineer, Acme Corp']);
  });

  it('reads a glyph of a font of pictures as a marker: a list item at the start of a line, a separator within it', () => {
    expect(documentOf('pictograms').lines.map(({ text, listItem }) => ({ text, listItem }))).toEqual([
      { text: '+44 20 7946 0018', listItem: true },
      { text: 'London • jane@example.com', listItem: false },
      { text: 'Led a team of six engineers', listItem: true },
    ]);
  });

  it('reads Latin text set in a font the PDF names but does not embed', () => {
    expect(documentOf('nonEmbeddedLatin').lines.map((line) => line.text)).toEqual(['Jane Doe', 'Software Engineer, Acme Corp']);
  });

  it('reads what it can of a truncated PDF or calls it corrupt, never anything else', () => {
    const outcome = outcomes.get('truncated')!;
    if (outcome.error) expect(outcome.error).toMatchObject({ code: 'FILE_CORRUPT' });
    else expect(outcome.document!.plainText).toContain('Jane Doe');
  });
});

describe('extractText on other files', () => {
  it('reads a DOCX in a parser process', () => {
    const document = documentOf('docx');
    expect(document.kind).toBe('docx');
    expect(document.lines.filter((line) => line.headingLevel !== undefined).map((line) => [line.headingLevel, line.text])).toEqual([
      [1, 'Maria García'],
      [1, 'Experiencia'],
      [2, 'Habilidades'],
    ]);
  });

  it('refuses a DOCX zip bomb whose sizes lie', () => {
    expect(errorOf('docxBomb')).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', permanent: true });
  });

  it('passes errors thrown in the parser process back as ExtractionError with code, flag and message', () => {
    const error = errorOf('blankText');
    expect(error).toMatchObject({ name: 'ExtractionError', code: 'NO_TEXT_FOUND', permanent: true, message: ExtractionFailure.NO_TEXT_FOUND });
  });

  it('refuses an empty file and an unknown kind without parsing', async () => {
    const parse = jest.spyOn(pool, 'parse');
    expect(await extractionFailure(() => extractText(Buffer.alloc(0), 'pdf', { pool }))).toMatchObject({ code: 'FILE_EMPTY' });
    expect(await extractionFailure(() => extractText(Buffer.from('x'), 'rtf' as DocumentKind, { pool }))).toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});

describe('extractText without a pool', () => {
  it('parses on a process of its own and stops it afterwards', async () => {
    const parse = jest.spyOn(ParserPool.prototype, 'parse');
    const document = await extractText(Buffer.from('Still here\n'), 'txt');
    expect(document.plainText).toBe('Still here');
    const oneOff = parse.mock.contexts[0] as ParserPool;
    expect(oneOff).not.toBe(pool);
    expect(oneOff.stats().processes).toEqual([]);
    parse.mockRestore();
  });
});
