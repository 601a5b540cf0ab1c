import { constants, crc32, deflateRawSync } from 'node:zlib';
import { writeZip, type ZipRecord } from '../../../src/extraction/text/zip-writer';

// DOCX archives and text files with one hostile trait each.

const MB = 1024 * 1024;

export const CV_TEXT = [
  'Jane Doe',
  'Senior Software Engineer',
  'jane.doe@example.com | +44 20 7946 0000 | London',
  '',
  'EXPERIENCE',
  'Acme Corp, Lead Engineer, 2019 - 2023',
  '- Led a team of six engineers building the payments platform',
  '- Cut build times by 40% by moving CI to remote caching',
  '',
  'EDUCATION',
  'BSc Computer Science, University of Leeds, 2012 - 2015',
  '',
  'SKILLS',
  'TypeScript, Go, PostgreSQL, Kubernetes',
].join('\n');

export function deflated(name: string, data: Buffer | string): ZipRecord {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return { name, method: 8, crc32: crc32(bytes), uncompressedSize: bytes.length, body: deflateRawSync(bytes) };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** word/document.xml with one paragraph per line, `prolog` placed before the root element. */
export function documentXml(lines: readonly string[], prolog = ''): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line.startsWith('&') ? line : escape(line)}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`;
}

/** A minimal DOCX: content types, package relationships, the document, and any extra members. */
export function docx(document: string, extra: ZipRecord[] = []): Buffer {
  return writeZip([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS), deflated('word/document.xml', document), ...extra]);
}

export function cvDocx(): Buffer {
  return docx(documentXml(CV_TEXT.split('\n')));
}

/** The document part is `megabytes` MB of zeros from a few KB (and its header may lie about it). */
export function zipBombDocx(megabytes: number, declared = megabytes * MB): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const body = Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
  return writeZip([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS), { name: 'word/document.xml', method: 8, crc32: 0, uncompressedSize: declared, body }]);
}

/** Many 2 MB members of zeros, each under the per-member ratio floor's radar only together. */
export function manyMembersBomb(): Buffer {
  const member = Buffer.alloc(200 * 1024);
  const records = Array.from({ length: 400 }, (_, i) => deflated(`word/media/part${i}.bin`, member));
  return docx(documentXml(CV_TEXT.split('\n')), records);
}

export function traversalDocx(): Buffer {
  return docx(documentXml(CV_TEXT.split('\n')), [
    deflated('../../../../tmp/r2w-abuse-escaped.txt', 'escaped'),
    deflated('/etc/r2w-abuse-absolute.txt', 'absolute'),
    deflated('word\\..\\..\\evil.txt', 'backslashes'),
  ]);
}

/** An external entity naming /etc/passwd, used in the text. */
export function xxeDocx(): Buffer {
  return docx(documentXml([...CV_TEXT.split('\n'), '&xxe;'], '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
}

/** The billion-laughs entity expansion. */
export function billionLaughsDocx(): Buffer {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  return docx(documentXml([...CV_TEXT.split('\n'), '&lol9;'], `<!DOCTYPE w:document [<!ENTITY lol0 "lol">${levels}]>`));
}

/** The document part is not XML at all. */
export function binaryDocumentDocx(): Buffer {
  return docx('\u0000\u0001\u0002 not xml <<<<');
}

/** An XML element nesting `depth` levels deep. */
export function deepXmlDocx(depth: number): Buffer {
  return docx(
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r>'.repeat(depth)}${'</w:r></w:p>'.repeat(depth)}</w:body></w:document>`,
  );
}

/** A macro-enabled document: vbaProject.bin beside the text. */
export function macroDocx(): Buffer {
  return docx(documentXml(CV_TEXT.split('\n')), [deflated('word/vbaProject.bin', Buffer.from('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Sub AutoOpen() Shell "calc" End Sub', 'latin1'))]);
}

/** `count` tiny members. */
export function manyEntriesDocx(count: number): Buffer {
  return docx(
    documentXml(CV_TEXT.split('\n')),
    Array.from({ length: count }, (_, i) => deflated(`word/media/i${i}.png`, 'x')),
  );
}

/** A DOCX whose first member, stored uncompressed, is a PDF: both magic numbers in the first kilobyte. */
export function pdfFirstDocx(pdf: Buffer): Buffer {
  return writeZip([
    { name: 'a.pdf', method: 0, crc32: crc32(pdf), uncompressedSize: pdf.length, body: pdf },
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', RELS),
    deflated('word/document.xml', documentXml(CV_TEXT.split('\n'))),
  ]);
}

/** A zip holding a spreadsheet, no word/document.xml. */
export function spreadsheetZip(): Buffer {
  return writeZip([deflated('[Content_Types].xml', CONTENT_TYPES), deflated('xl/workbook.xml', '<workbook/>')]);
}

/** A zip whose members' data is damaged (the deflate streams are garbage). */
export function corruptZip(): Buffer {
  return writeZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    { name: 'word/document.xml', method: 8, crc32: 1234, uncompressedSize: 5000, body: Buffer.from('this is not deflate data at all'.repeat(20)) },
  ]);
}

/** The CV text, UTF-16 with a byte order mark. */
export function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}
