// Weight and slant of a PDF's text are only known from its font's name. Most fonts say them
// in words ("Calibri-Bold", "NotoSans-Italic"). "Semi" alone would also catch SemiLight and
// SemiCondensed, hence semi-bold spelled out. URW's clones of the standard fonts, which
// TeX and Ghostscript embed, abbreviate: "NimbusRomNo9L-Medi" is Times Bold,
// "NimbusSanL-ReguItal" Helvetica Oblique.
const BOLD_WORD = /bold|black|heavy|semi-?bold|demi|-medi(?:ital)?$/i;
const ITALIC_WORD = /italic|oblique|ital$|obli$/i;

// TeX's own fonts name their shape in a code between the family and the design size:
// Computer Modern as Knuth made it ("CMBX10", "CMSSI10") and its Type 1 remakes for T1
// text, EC and cm-super ("SFBX1095", "SFSI1000"), which LaTeX documents embed by default.
// Bold: bold extended (BX, SSBX, and cm-super's BI/BL/XC), plain bold (B, RB), sans bold
// (SX, SO) and demi-bold condensed (SSDC). Slanted: italic and slanted, roman, sans and
// typewriter (TI, SL, SSI, SI, SO, QI, ITT, IT, ST, BI, BL, MI).
const TEX_FONT = /^(?:CM|SF|EC)([A-Z]+?)\d{1,4}$/;
const TEX_BOLD = /^(?:B|BX|BXTI|BXSL|BSY|MIB|SSBX|SSDC|BI|BL|XC|RB|SX|SO)$/;
const TEX_ITALIC = /^(?:TI|SL|BXTI|BXSL|SSI|SSQI|ITT|SLTT|MI|MIB|BI|BL|SI|SO|QI|IT|ST)$/;

// Linux Libertine and Biolinum, as the libertine package embeds them, name the shape in
// letters after the format's letter (O for OpenType, T for Type 1): B bold, Z semi-bold,
// I italic ("LinLibertineOZ" semi-bold, "LinLibertineTBI" bold italic).
const LIBERTINE_FONT = /^Lin(?:Libertine|Biolinum)[OT]([A-Z]*)$/;

export interface FontStyle {
  bold: boolean;
  italic: boolean;
}

/** Whether a font, known by its name (subset prefix removed), sets bold or slanted text. */
export function fontStyle(fontName: string | undefined): FontStyle {
  const name = fontName ?? '';
  const shape = TEX_FONT.exec(name)?.[1];
  if (shape !== undefined) return { bold: TEX_BOLD.test(shape), italic: TEX_ITALIC.test(shape) };
  const libertine = LIBERTINE_FONT.exec(name)?.[1];
  if (libertine !== undefined) return { bold: /[BZ]/.test(libertine), italic: libertine.includes('I') };
  return { bold: BOLD_WORD.test(name), italic: ITALIC_WORD.test(name) };
}

// The fonts TeX and Typst documents are set in by default: TeX's own (above), Latin Modern,
// the Computer Modern Unicode and New Computer Modern remakes, TeX Gyre, Libertinus and
// Linux Libertine, and URW's clones of the standard fonts as TeX ships them ("NimbusSanL-Regu").
const TYPESETTER_FONT = /^(?:LM(?:Roman|Sans|Mono)|CMU|NewCM|TeXGyre|Libertinus|LinLibertine|LinBiolinum|NimbusRomNo9L|NimbusSanL|NimbusMonL|URW\w*L-)/;

/**
 * Whether the font is one TeX or Typst set the text in. Their line breaking hyphenates words
 * on its own ("Uni-" over "versity"); a browser or a word processor does so only when told,
 * and otherwise breaks only after a hyphen the word has ("peer-" over "reviewed").
 */
export function isTypesetterFont(fontName: string | undefined): boolean {
  return fontName !== undefined && (TEX_FONT.test(fontName) || TYPESETTER_FONT.test(fontName));
}
