import { constants, crc32, deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { degrees, PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { writeZip, type ZipRecord } from '../../../src/extraction/text/zip-writer';

// Test documents built at run time, so that every expectation can be traced to the
// content written here. Only files a library cannot produce are committed under
// test/fixtures/files (see README there).

export const FIXTURE_DIR = path.join(__dirname, '../../fixtures/files');

const A4: [number, number] = [595, 842];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

async function pdf(draw: (doc: PDFDocument, fonts: Fonts) => void | Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
  };
  await draw(doc, fonts);
  return Buffer.from(await doc.save());
}

/** Draws lines from the top of the page (y measured down from the top edge to the baseline, as a reader thinks of it). */
function write(page: PDFPage, font: PDFFont, size: number, x: number, yFromTop: number, text: string): void {
  page.drawText(text, { x, y: page.getHeight() - yFromTop, size, font });
}

/** One column: big bold name, caps headings, "• " bullets, an italic line, a date set apart on its line, words drawn separately. */
export function oneColumnCv(): Promise<Buffer> {
  return pdf((doc, { regular, bold, italic }) => {
    const page = doc.addPage(A4);
    write(page, bold, 26, 50, 80, 'Jane Doe');
    write(page, regular, 11, 50, 104, 'Senior Software Engineer');
    write(page, bold, 13, 50, 140, 'EXPERIENCE');
    write(page, regular, 11, 50, 160, 'Acme Corp, Lead Engineer');
    write(page, regular, 11, 470, 160, '2019 - 2023');
    write(page, regular, 11, 50, 174, '• Led a team of six engineers');
    write(page, regular, 11, 50, 188, '• Cut build times by 40%');
    // Two runs with a space-sized gap and no space character: must not be glued.
    write(page, regular, 11, 50, 202, 'Python,');
    write(page, regular, 11, 50 + regular.widthOfTextAtSize('Python, ', 11), 202, 'TypeScript');
    write(page, bold, 13, 50, 238, 'EDUCATION');
    write(page, italic, 11, 50, 258, 'BSc Computer Science, University of Leeds');
  });
}

export const SIDEBAR = ['CONTACT', '+44 20 7946 0000', 'john@example.com', 'SKILLS', 'Figma', 'User research', 'Prototyping', 'LANGUAGES', 'English', 'French'];
export const MAIN = [
  'EXPERIENCE',
  'Senior Designer, Foo Ltd',
  '• Redesigned the checkout flow end to end',
  '• Ran weekly usability sessions with customers',
  '• Built the design system used by four teams',
  'Designer, Bar plc',
  '• Shipped the mobile onboarding experience',
  '• Mentored two junior designers',
  'EDUCATION',
  'BA Graphic Design, Central Saint Martins',
];

/** A left sidebar (x 40–190, 16 pt leading) beside a main column (x 230–560, 14 pt leading), under a full-width header. */
export function twoColumnCv(): Promise<Buffer> {
  return pdf((doc, { regular, bold }) => {
    const page = doc.addPage(A4);
    write(page, bold, 24, 40, 60, 'John Smith');
    write(page, regular, 11, 40, 84, 'Product designer based in London, working across research, interaction and visual design');
    const fontFor = (text: string): PDFFont => (/^[A-Z]{4,}$/.test(text) ? bold : regular);
    SIDEBAR.forEach((text, i) => write(page, fontFor(text), 11, 40, 130 + i * 16, text));
    MAIN.forEach((text, i) => write(page, fontFor(text), 11, 230, 130 + i * 14 + (i >= 8 ? 10 : 0), text));
  });
}

/** Two pages of plain lines. */
export function twoPageDocument(): Promise<Buffer> {
  return pdf((doc, { regular }) => {
    for (const [index, lines] of [
      ['Page one first line', 'Page one second line'],
      ['Page two first line', 'Page two second line'],
    ].entries()) {
      const page = doc.addPage(A4);
      lines.forEach((text, i) => write(page, regular, 11, 50, 60 + index * 10 + i * 14, text));
    }
  });
}

/** A page with a drawn rectangle and no text, like a scan. */
export function imageOnlyPdf(): Promise<Buffer> {
  return pdf((doc) => {
    doc.addPage(A4).drawRectangle({ x: 50, y: 50, width: 300, height: 400 });
  });
}

export function manyPagesPdf(pages: number): Promise<Buffer> {
  return pdf((doc, { regular }) => {
    for (let i = 1; i <= pages; i += 1) write(doc.addPage(A4), regular, 11, 50, 60, `Page ${i}`);
  });
}

/** Title, headings, a bold paragraph, an italic one, a bullet list and a two-cell table. */
export function cvDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Maria García', heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: 'Ingeniera de datos', bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: 'Madrid, ' }), new TextRun({ text: 'España', italics: true })] }),
          new Paragraph({ text: 'Experiencia', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'Datos SL, 2020 – 2024', italics: true })] }),
          new Paragraph({ text: 'Diseñé el almacén de datos', bullet: { level: 0 } }),
          new Paragraph({ text: 'Reduje los costes un 30 %', bullet: { level: 0 } }),
          new Paragraph({ text: 'Habilidades', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({
                children: [new TableCell({ children: [new Paragraph('SQL')] }), new TableCell({ children: [new Paragraph('Python'), new Paragraph('Spark')] })],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A deflated zip member; declaredSize lets the headers lie about what it inflates to. */
export function deflated(name: string, data: Buffer, declaredSize = data.length): ZipRecord {
  return { name, method: 8, crc32: crc32(data), uncompressedSize: declaredSize, body: deflateRawSync(data, { level: 9 }) };
}

const MINIMAL_DOCUMENT_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>',
);

const MB = 1024 * 1024;

/**
 * Raw deflate data that inflates to `megabytes` MB of zeros, built without deflating
 * them all: one sync-flushed block for 1 MB (its back-references stay inside it, so it
 * can be repeated), repeated, then an empty final block. About 1 KB per MB.
 */
function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** A DOCX-looking zip whose document part inflates to `megabytes` MB of zeros while its headers declare `declaredBytes`. */
export function zipBomb(megabytes: number, declaredBytes = megabytes * MB): Buffer {
  return writeZip([deflated('[Content_Types].xml', Buffer.from('<Types/>')), { name: 'word/document.xml', method: 8, crc32: 0, uncompressedSize: declaredBytes, body: deflatedZeros(megabytes) }]);
}

/** A small valid-looking zip without word/document.xml (an .xlsx, say). */
export function zipWithoutDocument(): Buffer {
  return writeZip([deflated('[Content_Types].xml', Buffer.from('<Types/>')), deflated('xl/workbook.xml', MINIMAL_DOCUMENT_XML)]);
}

/** A zip with `count` tiny members, one of them the document part. */
export function zipWithEntries(count: number): Buffer {
  return writeZip(Array.from({ length: count }, (_, i) => deflated(i === 0 ? 'word/document.xml' : `word/media/image${i}.png`, i === 0 ? MINIMAL_DOCUMENT_XML : Buffer.from('x'))));
}

/**
 * A page (rotated by `rotation` degrees for display) with two lines of body text upright as
 * displayed and, among them, chart labels drawn along a pie's radii and a sideways axis title.
 */
export function turnedLabelsPdf(rotation: 0 | 90): Promise<Buffer> {
  return pdf((doc, { regular }) => {
    const page = doc.addPage(A4);
    page.setRotation(degrees(rotation));
    // Positions as the reader sees the page (from its top-left), turned into the PDF's own.
    const write = (text: string, x: number, yFromTop: number, angle: number) => {
      const [pdfX, pdfY] = rotation === 90 ? [yFromTop, x] : [x, A4[1] - yFromTop];
      page.drawText(text, { x: pdfX, y: pdfY, size: 10, font: regular, rotate: degrees(rotation + angle) });
    };
    write('Experience', 50, 100, 0);
    write('Engineer, Acme Corp', 50, 120, 0);
    write('Coding 40%', 300, 100, 30);
    write('Meetings 20%', 300, 120, -45);
    write('Hours per week', 250, 110, 90);
  });
}

/** Contact lines and a bullet marked with dingbats (ZapfDingbats, a font of pictures), each set a little apart from its text. */
export function pictogramPdf(): Promise<Buffer> {
  return pdf(async (doc, { regular }) => {
    const dingbats = await doc.embedFont(StandardFonts.ZapfDingbats);
    const page = doc.addPage(A4);
    write(page, dingbats, 10, 50, 100, '✆');
    write(page, regular, 10, 64, 100, '+44 20 7946 0018');
    write(page, regular, 10, 50, 114, 'London');
    write(page, dingbats, 10, 90, 114, '✉');
    write(page, regular, 10, 104, 114, 'jane@example.com');
    write(page, dingbats, 10, 50, 128, '➢');
    write(page, regular, 10, 64, 128, 'Led a team of six engineers');
  });
}
