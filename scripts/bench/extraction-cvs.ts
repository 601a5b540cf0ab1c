import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { loadCorpus } from '../../backend/eval/extraction/corpus';
import { cvDocument } from '../../backend/eval/extraction/cv-document';
import { renderText } from '../../backend/eval/extraction/render-text';

// The CVs npm run bench:extraction uploads: the evaluation corpus's CVs as plain-text
// documents laid out on A4 by pdf-lib, each in three typefaces and sizes, so that every file
// differs in content or layout (no cache can answer for another) and none needs a browser.

export interface BenchPdf {
  name: string;
  pages: number;
  file: Buffer;
}

const A4: [number, number] = [595, 842];
const MARGIN = 56;
const STYLES = [
  { font: StandardFonts.Helvetica, bold: StandardFonts.HelveticaBold, size: 10.5 },
  { font: StandardFonts.TimesRoman, bold: StandardFonts.TimesRomanBold, size: 11.5 },
  { font: StandardFonts.Courier, bold: StandardFonts.CourierBold, size: 9.5 },
] as const;

/** The standard fonts draw WinAnsi only: anything else becomes "?" rather than failing the layout. */
function encodable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text].map((char) => (known.has(char.codePointAt(0)!) ? char : '?')).join('');
}

/** Words wrapped to the text width. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

async function layOut(text: string, style: (typeof STYLES)[number]): Promise<{ file: Buffer; pages: number }> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(style.font);
  const bold = await doc.embedFont(style.bold);
  const leading = style.size * 1.35;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  text.split('\n').forEach((raw, index) => {
    // The name and the capitalised headings in bold, larger, as a CV sets them.
    const heading = index === 0 || (raw.length > 2 && raw === raw.toLocaleUpperCase() && /\p{L}/u.test(raw));
    const font = heading ? bold : regular;
    const size = index === 0 ? style.size * 2 : heading ? style.size * 1.2 : style.size;
    for (const line of wrap(font, size, encodable(font, raw), A4[0] - 2 * MARGIN)) {
      if (y < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      if (line) page.drawText(line, { x: MARGIN, y, size, font });
      y -= index === 0 ? size * 1.3 : leading;
    }
  });
  return { file: Buffer.from(await doc.save()), pages: doc.getPageCount() };
}

/** `count` different PDFs (corpus CVs in left-to-right scripts, each in the three styles in turn). */
export async function benchPdfs(count: number): Promise<BenchPdf[]> {
  const corpus = loadCorpus().filter((cv) => cv.lang !== 'he');
  const pdfs: BenchPdf[] = [];
  for (let i = 0; pdfs.length < count && i < corpus.length * STYLES.length; i += 1) {
    const source = corpus[i % corpus.length]!;
    const style = STYLES[Math.floor(i / corpus.length)]!;
    const { file, pages } = await layOut(renderText(cvDocument(source.cv, source.lang)), style);
    pdfs.push({ name: `${source.name}.${source.lang}.${i}.pdf`, pages, file });
  }
  if (pdfs.length < count) throw new Error(`the corpus gives ${pdfs.length} different PDFs, not ${count}`);
  return pdfs;
}
