import path from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { ExtractionError } from '../errors';
import type { DocumentText } from './document-text';
import { fontStyle } from './font-style';
import { withoutPageFurniture, type PageLines } from './page-furniture';
import { layoutPage, type PdfTextItem } from './pdf-layout';
import { unswapLamAlef } from './visual-to-logical';
import { assembleDocument } from './text-lines';

// Fonts of pictures, not letters: icon fonts (Font Awesome, academicons…) and the
// dingbat fonts CV classes draw markers with (moderncv's MarVoSym). Their glyphs map to
// arbitrary letters ("H" for a phone, "{" for a bullet, "f" for a circle): read as text they
// glue a stray letter to the value they mark.
const PICTOGRAPH_FONT = /awesome|marvosym|dingbat|wingding|webding|icons|pictogram/i;
// What a pictograph stands for in the text: a marker, which starts a list item at the start
// of a line and parts values elsewhere, as a bullet does.
const MARKER = '•';
// Subset fonts are named "ABCDEF+Calibri-Bold"; the prefix is noise.
const SUBSET_PREFIX = /^[A-Z]{6}\+/;
// The programs behind a TeX or Typst PDF, as its Creator or Producer names them ("pdfTeX-1.40.25",
// "LaTeX with hyperref", "xdvipdfmx (20230313)", "LuaTeX-1.17.0", "Typst 0.12.0").
const TYPESETTER = /tex\b|xdvipdfmx|dvipdfm|typst/i;
// Used when pdf.js knows no ascent for a font (Type3 fonts); typical of Latin faces.
const DEFAULT_ASCENT = 0.8;

// pdf.js reads CJK text through Adobe's predefined CMaps (fonts encoded as UniGB-UCS2-H,
// 90ms-RKSJ-H…) and maps the glyphs of fonts a PDF names but does not embed through its
// standard font files: without them such text comes out empty. Both ship inside pdfjs-dist;
// in Node pdf.js reads them from these folders (paths ending in a slash, as it requires).
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_DIR = `${path.join(PDFJS_DIR, 'cmaps')}${path.sep}`;
const STANDARD_FONT_DIR = `${path.join(PDFJS_DIR, 'standard_fonts')}${path.sep}`;

/**
 * The text lines of a PDF. Refuses more than maxPages pages; throws ExtractionError for
 * every bad file. pdf.js takes the bytes over: `file`'s buffer is detached afterwards.
 */
export async function pdfText(file: Uint8Array, maxPages: number): Promise<DocumentText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js refuses Buffers; the same bytes seen as a plain Uint8Array are fine.
    data: new Uint8Array(file.buffer, file.byteOffset, file.byteLength),
    // A CV is untrusted input: no code generated from it, no fonts handed to a renderer.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Text never needs an image; skipping them all saves the time of decoding scans and
    // keeps pdf.js's image decoders (JPX, JBIG2) away from untrusted data.
    maxImageSize: 0,
  });
  try {
    const doc = await fromPdfjs(task.promise);
    if (doc.numPages > maxPages) throw new ExtractionError('TOO_MANY_PAGES');
    const pages: PageLines[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await fromPdfjs(doc.getPage(number));
      pages.push({ lines: layoutPage(await pageItems(page), number), height: page.getViewport({ scale: 1 }).height });
    }
    const document = assembleDocument('pdf', doc.numPages, withoutPageFurniture(pages).flat());
    return (await typesetByTeX(doc)) ? { ...document, typeset: true } : document;
  } finally {
    await task.destroy();
  }
}

async function typesetByTeX(doc: PDFDocumentProxy): Promise<boolean> {
  const { info } = await fromPdfjs(doc.getMetadata());
  const { Creator, Producer } = info as { Creator?: unknown; Producer?: unknown };
  return [Creator, Producer].some((name) => typeof name === 'string' && TYPESETTER.test(name));
}

async function pageItems(page: PDFPageProxy): Promise<PdfTextItem[]> {
  const content = await fromPdfjs(page.getTextContent());
  const runs = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
  if (runs.length === 0) return [];
  // Fonts reach commonObjs (and so their real names) only through the operator list. It is
  // fetched after the text so that scans, whose images are costly to decode, skip it.
  await fromPdfjs(page.getOperatorList());
  const viewport = page.getViewport({ scale: 1 });
  return runs
    .filter((item) => isUpright(item, viewport.transform))
    .map((item) => {
      const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
      // Into top-left page coordinates, rotation and crop box included.
      const [x = 0, baseline = 0] = viewport.convertToViewportPoint(e, f) as number[];
      const fontSize = Math.hypot(c, d);
      const fontName = realFontName(page, item.fontName);
      const ascent = content.styles[item.fontName]?.ascent || DEFAULT_ASCENT;
      return {
        text: PICTOGRAPH_FONT.test(fontName ?? '') ? MARKER : unswapLamAlef(item.str),
        x,
        baseline,
        top: baseline - ascent * fontSize,
        width: item.width,
        fontSize,
        ...(fontName === undefined ? {} : { fontName }),
        ...fontStyle(fontName),
      };
    });
}

// How far from the page's horizontal a run may lean and still be read as text of the body.
const MAX_SLANT = 0.1;

/**
 * Whether a run is written left to right along the page (rotation and flips of the page
 * included). CV text always is; rotated runs are labels of charts and diagrams, or a
 * sideways caption, and read in among the body's lines they make nonsense of them.
 */
function isUpright(item: TextItem, viewport: number[]): boolean {
  const [a = 0, b = 0] = item.transform as number[];
  const [va = 0, vb = 0, vc = 0, vd = 0] = viewport;
  // The run's direction on the page as the reader sees it (the viewport's transform applied to the text's).
  const along = va * a + vc * b;
  const across = vb * a + vd * b;
  return along > 0 && Math.abs(across) <= MAX_SLANT * along;
}

function realFontName(page: PDFPageProxy, id: string): string | undefined {
  try {
    const font: unknown = page.commonObjs.get(id);
    const name = (font as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name.replace(SUBSET_PREFIX, '') : undefined;
  } catch {
    // Not every font object resolves (broken or Type3 fonts); the name is only a hint.
    return undefined;
  }
}

/** pdf.js failures as the uploader's problem: a password or a damaged file. */
async function fromPdfjs<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw new ExtractionError(name === 'PasswordException' ? 'PDF_ENCRYPTED' : 'FILE_CORRUPT', true, { cause: error });
  }
}
