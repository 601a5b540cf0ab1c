import type { DocumentText, TextLine } from '../../text/document-text';
import { letterCount } from './text';

// The document's lines as the parsers read them: decoration gone, lines a PDF wrapped
// joined back into the sentence or bullet they belong to, and the body text's style
// measured, since "bigger", "bold" and "set apart" only mean something relative to it.

export interface Line extends TextLine {
  /** A rule of dashes or equals signs followed it: plain-text CVs underline headings so. */
  underlined: boolean;
}

export interface BodyStyle {
  fontSize: number;
  /** Most of the text is bold, so bold sets nothing apart. */
  bold: boolean;
  /** The usual distance between two lines of one paragraph. */
  lineGap: number;
}

const RULE = /^[\s\-=_~*#.·•─━═]{3,}$/u;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The style most of the text is set in, weighed by characters so one big name does not count. */
export function bodyStyle(lines: readonly TextLine[]): BodyStyle {
  const sizes = new Map<number, number>();
  let boldLetters = 0;
  let letters = 0;
  for (const line of lines) {
    const count = letterCount(line.text);
    const size = Math.round(line.fontSize * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + count);
    letters += count;
    if (line.bold) boldLetters += count;
  }
  const fontSize = [...sizes].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [11, -1])[0];
  const gaps = lines.filter((line) => line.gapBefore > 0 && Math.abs(line.fontSize - fontSize) < 1).map((line) => line.gapBefore);
  return { fontSize, bold: boldLetters > letters * 0.6, lineGap: median(gaps) || fontSize * 1.3 };
}

/** The document's lines without rules, with wrapped lines joined. */
export function readingLines(document: DocumentText, style: BodyStyle): Line[] {
  const lines: Line[] = [];
  const widest = widestByColumn(document.lines);
  for (const line of document.lines) {
    const previous = lines.at(-1);
    if (RULE.test(line.text) || letterCount(line.text) + (line.text.match(/\d/g) ?? []).length === 0) {
      if (previous && RULE.test(line.text)) previous.underlined = true;
      continue;
    }
    if (previous && document.kind !== 'docx' && continues(previous, line, style, widest)) {
      previous.text = `${previous.text} ${line.text}`;
      previous.width = Math.max(previous.width, line.x + line.width - previous.x);
      continue;
    }
    lines.push({ ...line, underlined: false });
  }
  return lines;
}

const columnKey = (line: TextLine) => `${line.page}:${line.column}`;

// How wide a full line is in each column: PDFs wrap at the column's right edge.
function widestByColumn(lines: readonly TextLine[]): Map<string, { left: number; right: number }> {
  const widest = new Map<string, { left: number; right: number }>();
  for (const line of lines) {
    const key = columnKey(line);
    const known = widest.get(key) ?? { left: Infinity, right: -Infinity };
    widest.set(key, { left: Math.min(known.left, line.x), right: Math.max(known.right, line.x + line.width) });
  }
  return widest;
}

/**
 * A PDF (or a hard-wrapped text file) breaks long sentences into lines; the next line of
 * the same style, close below, continues the previous one when that one ran to the edge
 * or a bullet's text continues indented under it. DOCX keeps paragraphs whole.
 */
function continues(previous: Line, line: TextLine, style: BodyStyle, widest: Map<string, { left: number; right: number }>): boolean {
  if (line.listItem || line.headingLevel !== undefined || previous.headingLevel !== undefined) return false;
  if (line.page !== previous.page || line.column !== previous.column) return false;
  if (Math.abs(line.fontSize - previous.fontSize) > 0.5 || line.bold !== previous.bold || line.italic !== previous.italic) return false;
  if (line.gapBefore > Math.max(style.lineGap, line.fontSize * 1.2) * 1.15) return false;
  if (/[:;]$/.test(previous.text)) return false;

  if (line.width > 0 && previous.width > 0) {
    const column = widest.get(columnKey(line));
    if (!column) return false;
    const ranToEdge = previous.x + previous.width >= column.right - Math.max(30, (column.right - column.left) * 0.12);
    const hangsUnderBullet = previous.listItem && line.x > previous.x + 2;
    return ranToEdge && (hangsUnderBullet || line.x <= previous.x + 2) && (!previous.listItem || hangsUnderBullet);
  }
  // Without widths, a long line followed by one that starts in lower case is a hard wrap.
  return previous.text.length >= 60 && /^\p{Ll}/u.test(line.text) && !/[.!?]$/.test(previous.text);
}
