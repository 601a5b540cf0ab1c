import { Document, Packer, Paragraph } from 'docx';
import yauzl from 'yauzl';
import { docxText, htmlLines } from '../../../src/extraction/text/docx-text';
import { DOCX_LIMITS } from '../../../src/extraction/text/docx-archive';
import { writeZip } from '../../../src/extraction/text/zip-writer';
import { cvDocx, deflated, zipBomb, zipWithEntries, zipWithoutDocument } from './fixtures';
import { extractionFailure } from './failures';

const MB = 1024 * 1024;

describe('docxText', () => {
  it('keeps headings, bold and italic paragraphs, list items and table cells', async () => {
    const document = await docxText(await cvDocx());
    expect(document.lines.map(({ text, headingLevel, fontSize, bold, italic, listItem, y, gapBefore }) => ({ text, headingLevel, fontSize, bold, italic, listItem, y, gapBefore }))).toEqual([
      { text: 'Maria García', headingLevel: 1, fontSize: 20, bold: false, italic: false, listItem: false, y: 0, gapBefore: 0 },
      { text: 'Ingeniera de datos', headingLevel: undefined, fontSize: 11, bold: true, italic: false, listItem: false, y: 20, gapBefore: 20 },
      { text: 'Madrid, España', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: false, y: 40, gapBefore: 20 },
      { text: 'Experiencia', headingLevel: 1, fontSize: 20, bold: false, italic: false, listItem: false, y: 74, gapBefore: 34 },
      { text: 'Datos SL, 2020 – 2024', headingLevel: undefined, fontSize: 11, bold: false, italic: true, listItem: false, y: 94, gapBefore: 20 },
      { text: 'Diseñé el almacén de datos', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: true, y: 114, gapBefore: 20 },
      { text: 'Reduje los costes un 30 %', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: true, y: 128, gapBefore: 14 },
      { text: 'Habilidades', headingLevel: 2, fontSize: 16, bold: false, italic: false, listItem: false, y: 162, gapBefore: 34 },
      { text: 'SQL', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: false, y: 182, gapBefore: 20 },
      { text: 'Python', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: false, y: 202, gapBefore: 20 },
      { text: 'Spark', headingLevel: undefined, fontSize: 11, bold: false, italic: false, listItem: false, y: 222, gapBefore: 20 },
    ]);
    expect(document.lines.every((line) => line.page === 1 && line.column === 0 && line.x === 0 && !('fontName' in line))).toBe(true);
    expect(document).toMatchObject({ kind: 'docx', pageCount: 1 });
    expect(document.plainText.split('\n')).toHaveLength(11);
  });

  it('finds no text in an empty document', async () => {
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
    expect(await extractionFailure(() => docxText(empty))).toMatchObject({ code: 'NO_TEXT_FOUND' });
  });

  describe('zip bombs', () => {
    // Refusals on the declared sizes must come before a single member is inflated.
    let inflations: jest.SpiedFunction<yauzl.ZipFile['openReadStreamPromise']>;
    beforeEach(() => {
      inflations = jest.spyOn(yauzl.ZipFile.prototype, 'openReadStreamPromise');
    });
    afterEach(() => inflations.mockRestore());

    it('refuses a zip that declares more than the cap before inflating anything', async () => {
      expect(await extractionFailure(() => docxText(zipBomb(200)))).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', permanent: true });
      expect(inflations).not.toHaveBeenCalled();
    });

    it('stops inflating at the cap when the declared sizes lie', async () => {
      // 2 GB of zeros declared as 1 KB. Refused while inflating the second member, with
      // no clock in the test: how fast that happens depends on the machine, not on the code.
      const result = await extractionFailure(() => docxText(zipBomb(2048, 1024)));
      expect(result).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', permanent: true });
      expect(inflations).toHaveBeenCalledTimes(2);
    });

    it('refuses a member compressed more than 200:1 even under the total cap', async () => {
      expect(10 * MB).toBeLessThan(DOCX_LIMITS.maxTotalBytes);
      expect(await extractionFailure(() => docxText(zipBomb(10)))).toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
      expect(inflations).not.toHaveBeenCalled();
    });

    it('refuses more than 2,000 members and accepts 2,000', async () => {
      expect(await extractionFailure(() => docxText(zipWithEntries(2001)))).toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
      expect(inflations).not.toHaveBeenCalled();
      expect((await docxText(zipWithEntries(2000))).plainText).toBe('Hi');
    });
  });

  it('calls a zip without word/document.xml an unsupported type', async () => {
    expect(await extractionFailure(() => docxText(zipWithoutDocument()))).toMatchObject({ code: 'UNSUPPORTED_TYPE', permanent: true });
  });

  it('calls a broken zip, a truncated DOCX and a document part that is not XML corrupt', async () => {
    const truncated = (await cvDocx()).subarray(0, 3000);
    const notXml = writeZip([deflated('word/document.xml', Buffer.from('<w:document>not closed'))]);
    for (const file of [Buffer.from('PK\x03\x04 not really a zip'), truncated, notXml]) {
      expect(await extractionFailure(() => docxText(file))).toMatchObject({ code: 'FILE_CORRUPT', permanent: true });
    }
  });
});

describe('htmlLines', () => {
  it('splits at <br>, flushes a list item before its nested list, and keeps text straight in table cells apart', () => {
    const lines = htmlLines(
      '<p>Jane Doe<br />Engineer</p><ul><li>Parent<ul><li><strong>Child</strong></li></ul></li></ul>' +
        '<table><tr><td>A</td><td><p>B</p><p>C</p></td></tr></table><h4>Small heading</h4><p><strong>Half</strong> bold</p>',
    );
    expect(lines.map(({ text, y, listItem, bold, fontSize, headingLevel }) => ({ text, y, listItem, bold, fontSize, headingLevel }))).toEqual([
      { text: 'Jane Doe', y: 0, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'Engineer', y: 14, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'Parent', y: 34, listItem: true, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'Child', y: 48, listItem: true, bold: true, fontSize: 11, headingLevel: undefined },
      { text: 'A', y: 68, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'B', y: 88, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'C', y: 108, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
      { text: 'Small heading', y: 142, listItem: false, bold: false, fontSize: 12, headingLevel: 4 },
      { text: 'Half bold', y: 162, listItem: false, bold: false, fontSize: 11, headingLevel: undefined },
    ]);
  });

  it('reads a table row of one-paragraph cells as one line, cells apart by tabs, and keeps tab stops', () => {
    const lines = htmlLines(
      '<table><tr><th><p><strong>Degree</strong></p></th><th><p><strong>Field</strong></p></th><th><p><strong>Years</strong></p></th></tr>' +
        '<tr><td><p>BSc</p></td><td><p>Computer Science</p></td><td><p>2015 – 2019</p></td></tr>' +
        '<tr><td><p>MSc</p></td><td></td><td><p>2020</p></td></tr></table>' +
        '<p><strong>Acme Corp</strong>\t\t2019 – 2023</p>' +
        '<table><tr><td><table><tr><td><p>Python</p></td><td><p>Go</p></td></tr></table></td><td><p>Profile</p><p>Engineer</p></td></tr></table>',
    );
    expect(lines.map(({ text, bold }) => ({ text, bold }))).toEqual([
      { text: 'Degree\tField\tYears', bold: true },
      { text: 'BSc\tComputer Science\t2015 – 2019', bold: false },
      { text: 'MSc\t2020', bold: false },
      { text: 'Acme Corp\t\t2019 – 2023', bold: false },
      // A layout table's cells stay apart; the grid nested in its first cell is one line.
      { text: 'Python\tGo', bold: false },
      { text: 'Profile', bold: false },
      { text: 'Engineer', bold: false },
    ]);
  });

  it('decodes entities', () => {
    expect(htmlLines('<p>R&amp;D &lt;team&gt; caf&eacute;</p>').map((line) => line.text)).toEqual(['R&D <team> café']);
  });
});
