import { deflateSync } from 'node:zlib';
import { flateBomb } from '../../extraction/text/hostile-pdfs';

// PDFs written byte by byte, for the structures no PDF library will produce: bombs,
// encryption dictionaries without a real cipher, self-referencing trees, deep nesting.

export interface PdfObject {
  /** The object's body between "n 0 obj" and "endobj" (a stream includes its dictionary). */
  body: Buffer | string;
}

/** A PDF with objects numbered from 1 in the order given, a correct xref table and a trailer. */
export function writePdf(objects: readonly (Buffer | string)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object: dictionary entries plus the encoded data, /Length filled in. */
export function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

const TEXT_CONTENT = 'BT /F1 14 Tf 50 780 Td (Jane Doe) Tj 0 -20 Td (Software Engineer) Tj ET';

/** Catalog, one page tree, `pages` page objects drawing with Helvetica; objects 1..3+pages. */
export function simplePages(contents: readonly Buffer[], pageExtra = ''): Buffer[] {
  const pageCount = contents.length;
  const firstPage = 4;
  const firstContent = firstPage + pageCount;
  const kids = Array.from({ length: pageCount }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  return [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    ...contents.map((_, i) => Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${firstContent + i} 0 R ${pageExtra}>>`)),
    ...contents,
  ];
}

export function textPdf(): Buffer {
  return writePdf(simplePages([stream('', Buffer.from(TEXT_CONTENT))]));
}

/** A page whose content stream inflates to `megabytes` MB of spaces, then draws a line of text. */
export function contentBomb(megabytes: number, pages = 1): Buffer {
  const contents = Array.from({ length: pages }, () => stream('/Filter /FlateDecode', flateBomb(megabytes)));
  return writePdf(simplePages(contents));
}

/** A content stream deflated twice: a small file, a 1 MB middle layer, 150 MB at the end. */
export function doubleFlateBomb(): Buffer {
  const inner = flateBomb(150);
  return writePdf(simplePages([stream('/Filter [/FlateDecode /FlateDecode]', deflateSync(inner, { level: 9 }))]));
}

/** Text drawn in a font whose embedded TrueType program inflates to 200 MB of zeros. */
export function fontBomb(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[2] = Buffer.from('<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [] /FontDescriptor 6 0 R >>');
  objects.push(Buffer.from('<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>'));
  objects.push(stream('/Filter /FlateDecode', flateBomb(200, 0)));
  return writePdf(objects);
}

/** A page showing an image XObject of 20000 x 20000 RGB pixels (1.2 GB raw) from a 100 MB stream. */
export function imageBomb(): Buffer {
  const content = stream('', Buffer.from(`q 500 0 0 500 0 0 cm /Im1 Do Q ${TEXT_CONTENT}`));
  const objects = simplePages([content], '');
  objects[3] = Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>');
  objects.push(stream('/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', flateBomb(100, 0)));
  return writePdf(objects);
}

/** An object stream holding the page's content object, inflating to 150 MB. */
export function objectStreamBomb(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[1] = Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1 /Extra 6 0 R >>');
  objects.push(stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', flateBomb(150)));
  return writePdf(objects);
}

/** `depth` nested arrays in the page's resources: recursive parsers run out of stack. */
export function nestedArraysPdf(depth: number): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[3] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >> /Contents 5 0 R >>`);
  return writePdf(objects);
}

/** `depth` nested dictionaries in the page's resources. */
export function nestedDictionariesPdf(depth: number): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[3] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /Deep ${'<< /A '.repeat(depth)}1${' >>'.repeat(depth)} >> /Contents 5 0 R >>`);
  return writePdf(objects);
}

/** `depth` nested q (save state) operators in the content stream. */
export function nestedGraphicsStatePdf(depth: number): Buffer {
  return writePdf(simplePages([stream('', Buffer.from(`${'q '.repeat(depth)}${TEXT_CONTENT}${' Q'.repeat(depth)}`))]));
}

/** A page tree whose only kid is the tree itself. */
export function circularPagesPdf(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[1] = Buffer.from('<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>');
  return writePdf(objects);
}

/** A page tree that claims a million pages and holds one. */
export function lyingPageCountPdf(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[1] = Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1000000 >>');
  return writePdf(objects);
}

/** A trailer whose /Prev points back at its own xref table. */
export function xrefLoopPdf(): Buffer {
  const base = textPdf().toString('latin1');
  const startxref = Number(/startxref\n(\d+)/.exec(base)![1]);
  return Buffer.from(base.replace('/Root 1 0 R ', `/Root 1 0 R /Prev ${startxref} `), 'latin1');
}

/** A standard security handler (RC4, revision 2) with made-up keys: no empty user password opens it. */
export function encryptionDictionaryPdf(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  objects.push(Buffer.from(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex32(11)}> /U <${hex32(97)}> /P -44 >>`));
  return writePdf(objects, `/Encrypt ${objects.length} 0 R /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>] `);
}

/** Opens with a JavaScript action and a launch action, beside ordinary text. */
export function activeContentPdf(): Buffer {
  const objects = simplePages([stream('', Buffer.from(TEXT_CONTENT))]);
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AA << /WC 7 0 R >> >>');
  objects.push(Buffer.from('<< /S /JavaScript /JS (app.alert\\(1\\); this.exportDataObject\\({cName: "x", nLaunch: 2}\\);) >>'));
  objects.push(Buffer.from('<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>'));
  return writePdf(objects);
}
