import { FONT_SUBSETS, type FontRole, type FontSubset, type TemplateFonts, type WebFont } from './fonts';

// A template's web fonts as a site carries them: the files under fonts/, one folder per font
// and version (fonts/<id>-<version>/), so a name never changes its bytes and the files can be
// cached for a year; the @font-face rules that point at them; and the CSS variables that put
// each font in front of its system stack.

export type FontStyle = 'normal' | 'italic';
export type FontFace = { font: WebFont; style: FontStyle; subset: FontSubset };

/** A file the builder copies into the site from an npm package as it is (a font, its licence). */
export type PackagedFile = { path: string; contentType: string; package: string; file: string };

/** Every name under fonts/ is versioned, so a browser may keep what it fetched. */
export const FONT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const ROLES = ['body', 'heading', 'mono', 'ui'] as const;
const SUBSETS = Object.keys(FONT_SUBSETS) as FontSubset[];

function roles(fonts: TemplateFonts): FontRole[] {
  return ROLES.flatMap((role) => fonts[role] ?? []);
}

function fontFolder(font: WebFont): string {
  return `fonts/${font.id}-${font.version}/`;
}

/** The site's path of a face's file. */
export function fontFacePath(face: FontFace): string {
  return `${fontFolder(face.font)}${face.subset}-${face.style}.woff2`;
}

/** Each font a template uses once, with the styles any of its roles asks for (normal always). */
function fontsWithStyles(fonts: TemplateFonts): { font: WebFont; styles: FontStyle[] }[] {
  const byId = new Map<string, { font: WebFont; styles: FontStyle[] }>();
  for (const { font, italic } of roles(fonts)) {
    const entry = byId.get(font.id) ?? { font, styles: ['normal'] };
    if (italic && !entry.styles.includes('italic')) entry.styles.push('italic');
    byId.set(font.id, entry);
  }
  return [...byId.values()];
}

export function fontFaces(fonts: TemplateFonts): FontFace[] {
  return fontsWithStyles(fonts).flatMap(({ font, styles }) => styles.flatMap((style) => SUBSETS.map((subset) => ({ font, style, subset }))));
}

/** `--font-<role>` for every role: the web font first, then the system stack behind it. */
export function fontVariablesCss(fonts: TemplateFonts): string {
  const declarations = ROLES.flatMap((role) => {
    const use = fonts[role];
    return use ? [`--font-${role}:"${use.font.family}", ${use.fallback}`] : [];
  });
  return `:root{${declarations.join(';')}}\n`;
}

/**
 * The @font-face rules, with the files under `siteRoot` (the site's root: '' from its home
 * page, the site's address from a page served at any path). `swap`: text shows at once in
 * the system face and takes the web font when it arrives.
 */
export function fontFaceCss(fonts: TemplateFonts, siteRoot: string): string {
  return fontFaces(fonts)
    .map(
      (face) =>
        `@font-face{font-family:"${face.font.family}";font-style:${face.style};font-weight:${face.font.weight.join(' ')};font-display:swap;` +
        `src:url(${siteRoot}${fontFacePath(face)}) format("woff2");unicode-range:${FONT_SUBSETS[face.subset]}}\n`,
    )
    .join('');
}

/**
 * The body text's Latin faces (its italic too when the template has one: dates and titles
 * in the text use it): what a Latin-script page needs before anything else. Preloaded, they
 * are fetched with the page instead of after the stylesheet has been laid out.
 */
export function preloadedFontPaths(fonts: TemplateFonts): string[] {
  const { font, italic } = fonts.body;
  const styles: FontStyle[] = italic ? ['normal', 'italic'] : ['normal'];
  return styles.map((style) => fontFacePath({ font, style, subset: 'latin' }));
}

/** Every file the fonts need in the site: each face, and each font's licence beside its files (the OFL asks that it travel with them). */
export function fontFiles(fonts: TemplateFonts): PackagedFile[] {
  const faces = fontFaces(fonts).map((face) => ({
    path: fontFacePath(face),
    contentType: 'font/woff2',
    package: face.font.package,
    file: `files/${face.font.id}-${face.subset}-wght-${face.style}.woff2`,
  }));
  const licences = fontsWithStyles(fonts).map(({ font }) => ({ path: `${fontFolder(font)}LICENSE.txt`, contentType: 'text/plain; charset=utf-8', package: font.package, file: 'LICENSE' }));
  return [...faces, ...licences];
}
