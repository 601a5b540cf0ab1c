// The text of an uploaded CV with the layout facts the extractors use. PDF, DOCX and
// plain text all become this one shape, so an extractor never knows the file type.

export type DocumentKind = 'pdf' | 'docx' | 'txt';

export interface TextLine {
  /**
   * The line's text. A tab separates pieces set far apart on one row: a company flush left
   * and its town or dates flush right, the cells of a skill grid or of a table row (PDF: a
   * gap much wider than a word space; DOCX: a tab stop or a table cell; text: a tab or a run
   * of spaces). Every other kind of whitespace is a single space.
   */
  text: string;
  /** PDF only: the left edge of each tab-separated piece of `text`, in the same order; absent for a line of one piece. */
  cellX?: number[];
  /** 1-based page number (DOCX and text: 1). */
  page: number;
  /** Left edge and top of the line in points from the page's top-left (DOCX/text: x 0, y = running position). */
  x: number;
  y: number;
  width: number;
  /** Dominant font size in points (DOCX: derived from the paragraph style; text: 11). */
  fontSize: number;
  bold: boolean;
  italic: boolean;
  /** PDF only: most of the line is set letter-spaced ("E X P E R I E N C E", read as "EXPERIENCE"), as headings often are. */
  letterSpaced?: boolean;
  /** PDF only: a label set in the text's margin (a date beside its entry), read with the text it stands beside though it stands outside the text's measure. */
  marginLabel?: boolean;
  /** Real font name where known (PDF), e.g. "Helvetica-Bold". */
  fontName?: string;
  /** 0 for the main (or only) column, 1 for a second column to its right. */
  column: number;
  /** Vertical distance from the previous line of the same column, in points (0 for the first). */
  gapBefore: number;
  /** Heading level from the document's own styles (DOCX h1–h6, Title = 1); absent when not a styled heading. */
  headingLevel?: number;
  /** The line is a list item (DOCX <li>, PDF/text lines starting with a bullet glyph, which is removed from `text`). */
  listItem: boolean;
}

export interface DocumentText {
  kind: DocumentKind;
  pageCount: number;
  /** Lines in reading order: column by column, top to bottom, page by page. */
  lines: TextLine[];
  /** The lines' text joined with newlines: what the source check and the LLM see. */
  plainText: string;
  /** Set by TeX or Typst, as the PDF's producer says: their line breaking hyphenates words on its own, whatever the font. */
  typeset?: boolean;
}
