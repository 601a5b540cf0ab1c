// Each template's typefaces are web fonts the site carries in its own folder (nothing is
// fetched from a third party), behind a system stack: the stack draws what the web font
// lacks (Greek, Cyrillic, Hebrew, Arabic, CJK: the files hold Latin and Latin Extended only)
// and the text while the font loads. The Liberation faces stand in on bare Linux machines.
export const SANS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;
export const DISPLAY_SERIF = `"Iowan Old Style", "Palatino Linotype", Palatino, "URW Palladio L", P052, Georgia, "Liberation Serif", serif`;
export const TEXT_SERIF = `Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Liberation Serif", serif`;
export const MONO = `ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", monospace`;

/**
 * A variable font from a Fontsource package (pinned exactly in package.json; the font
 * catalogue test holds these fields to the installed package). One file per subset and
 * style covers every weight in `weight`.
 */
export type WebFont = {
  family: string;
  package: string;
  version: string;
  /** The stem of the package's file names: files/<id>-<subset>-wght-<style>.woff2. */
  id: string;
  /** The wght axis the files cover, as the @font-face font-weight range. */
  weight: readonly [number, number];
};

const fontsource = (family: string, id: string, version: string, weight: readonly [number, number]): WebFont => ({
  family,
  package: `@fontsource-variable/${id}`,
  version,
  id,
  weight,
});

export const FRAUNCES = fontsource('Fraunces', 'fraunces', '5.3.0', [100, 900]);
export const INSTRUMENT_SANS = fontsource('Instrument Sans', 'instrument-sans', '5.3.0', [400, 700]);
export const PLUS_JAKARTA_SANS = fontsource('Plus Jakarta Sans', 'plus-jakarta-sans', '5.3.0', [200, 800]);
export const INTER = fontsource('Inter', 'inter', '5.3.0', [100, 900]);
export const SPACE_GROTESK = fontsource('Space Grotesk', 'space-grotesk', '5.3.0', [300, 700]);
export const JETBRAINS_MONO = fontsource('JetBrains Mono', 'jetbrains-mono', '5.3.0', [100, 800]);
export const SOURCE_SERIF_4 = fontsource('Source Serif 4', 'source-serif-4', '5.3.1', [200, 900]);
export const SOURCE_SANS_3 = fontsource('Source Sans 3', 'source-sans-3', '5.3.1', [200, 900]);
export const BRICOLAGE_GROTESQUE = fontsource('Bricolage Grotesque', 'bricolage-grotesque', '5.3.0', [200, 800]);
export const DM_SANS = fontsource('DM Sans', 'dm-sans', '5.3.0', [100, 1000]);
export const PLAYFAIR_DISPLAY = fontsource('Playfair Display', 'playfair-display', '5.3.0', [400, 900]);
export const NEWSREADER = fontsource('Newsreader', 'newsreader', '5.3.0', [200, 800]);

/**
 * The subsets a site carries and the characters each covers (Google Fonts' split, as in each
 * package's unicode.json; newer packages reach a few code points further). The browser fetches a subset only when the page uses one of its
 * characters, so a Hebrew page never downloads Latin Extended.
 */
export const FONT_SUBSETS = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

export type FontSubset = keyof typeof FONT_SUBSETS;

/** One use of type in a template: its web font, whether it has a true italic, and the system stack behind it. */
export type FontRole = { font: WebFont; italic: boolean; fallback: string };

/**
 * A template's typefaces by role, each a CSS variable of the same name (--font-body, …).
 * Body text is the one face preloaded. Italics without `italic` are slanted by the browser,
 * which is fine for a sans and saves a file.
 */
export type TemplateFonts = { body: FontRole; heading: FontRole; mono?: FontRole; ui?: FontRole };
