import { pdfWithObjects, stream } from './raw-pdf';

// PDFs whose fonts are named but not embedded: CJK text encoded through one of Adobe's
// predefined CMaps (what older Office exports, iText and ReportLab write), which pdf.js can
// only read with the CMap files it ships, and Latin text in a non-embedded font.

/** The Adobe character collections, each with the UCS-2 CMap and the font name viewers know. */
export const CJK_COLLECTIONS = {
  chinese: { ordering: 'GB1', cmap: 'UniGB-UCS2-H', font: 'STSong-Light' },
  japanese: { ordering: 'Japan1', cmap: 'UniJIS-UCS2-H', font: 'KozMinPro-Regular-Acro' },
  korean: { ordering: 'Korea1', cmap: 'UniKS-UCS2-H', font: 'HYSMyeongJo-Medium' },
} as const;

const ucs2Hex = (text: string): string => [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** One line per entry of `lines`, 20 pt apart, in a non-embedded CID font of the collection. */
export function cjkPdf(collection: keyof typeof CJK_COLLECTIONS, lines: readonly string[]): Buffer {
  const { ordering, cmap, font } = CJK_COLLECTIONS[collection];
  return pdfWithObjects((add) => {
    const descriptor = add(`<< /Type /FontDescriptor /FontName /${font} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`);
    const cidFont = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font} /CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
    );
    const type0 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${font} /Encoding /${cmap} /DescendantFonts [${cidFont} 0 R] >>`);
    const text = lines.map((line, index) => `BT /F1 12 Tf 72 ${760 - index * 20} Td <${ucs2Hex(line)}> Tj ET`).join('\n');
    const contents = add(stream('', Buffer.from(text), 'plain'));
    return { contents, resources: `<< /Font << /F1 ${type0} 0 R >> >>` };
  });
}

/** Latin text in a TrueType font that is named, flagged symbolic and not embedded, as some word processors write Arial. */
export function nonEmbeddedFontPdf(lines: readonly string[]): Buffer {
  return pdfWithObjects((add) => {
    const descriptor = add('<< /Type /FontDescriptor /FontName /Arial /Flags 4 /FontBBox [-665 -325 2000 1040] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>');
    const font = add(`<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /FontDescriptor ${descriptor} 0 R >>`);
    const text = lines.map((line, index) => `BT /F1 12 Tf 72 ${760 - index * 20} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    const contents = add(stream('', Buffer.from(text), 'plain'));
    return { contents, resources: `<< /Font << /F1 ${font} 0 R >> >>` };
  });
}
