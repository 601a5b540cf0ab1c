import { version } from 'pdfjs-dist/package.json';

/** Where the build puts pdf.js's CMaps and standard fonts (vite.config.ts), relative to the app's base. */
export const PDFJS_ASSETS = {
  cmaps: `assets/pdfjs-${version}/cmaps`,
  standardFonts: `assets/pdfjs-${version}/standard_fonts`,
} as const;

/** getDocument's addresses of those files (a function: vite.config.ts reads this module, where there is no import.meta.env). */
export function pdfjsDocumentFiles() {
  const base = import.meta.env.BASE_URL;
  return { cMapUrl: `${base}${PDFJS_ASSETS.cmaps}/`, cMapPacked: true, standardFontDataUrl: `${base}${PDFJS_ASSETS.standardFonts}/` };
}
