import { ExtractionError } from '../errors';
import type { DocumentKind, DocumentText, TextLine } from './document-text';

/** A line as a parser sees it: raw text, its geometry, in reading order; gaps and list marks come later. */
export type DraftLine = Omit<TextLine, 'gapBefore' | 'listItem'> & {
  listItem?: boolean;
  /** PDF only, during layout: the right edge of each tab-separated piece, as cellX gives their left edges. */
  cellEnd?: number[];
};

/** One tab-separated piece of a line and where it stands. */
export interface LineCell {
  text: string;
  x: number;
  /** Its right edge; a line's width where the layout kept no cell edges. */
  end: number;
}

/** A line's tab-separated pieces with their edges (the line's own for a line of one piece). */
export const cellsOf = (line: DraftLine): LineCell[] => line.text.split('\t').map((text, index) => ({ text, x: line.cellX?.[index] ?? line.x, end: line.cellEnd?.[index] ?? line.x + line.width }));

// Controls and invisible marks that PDFs and editors leave in text (soft hyphens at line
// ends, zero-width spaces, BOMs). Tab, newline and the other whitespace controls are not
// here: they become spaces below. ZWJ/ZWNJ stay, since Persian and emoji need them.
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF]/g;

// CJK fonts (Noto CJK among them) map some ideographs to their look-alike Kangxi radicals,
// so pdf.js reads "工程师" as "⼯程师"; compatibility normalisation gives the ideograph back.
const KANGXI_RADICAL = /[\u2F00-\u2FDF]/g;

// Arabic as shaped for display: initial, medial, final and isolated letter forms and
// ligatures (U+FB50–U+FDFF, U+FE70–U+FEFF), which Chromium's PDFs carry and pdf.js passes
// on. Compatibility normalisation gives the letters people type, which the rest compares with.
const ARABIC_PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

// Private-use characters are glyphs of icon fonts (a phone, an envelope, a logo) that a
// PDF or an editor left unmapped; the Symbol and Wingdings bullets Word writes are among
// them. Each run marks what follows, as a bullet does.
const PRIVATE_USE = /[\uE000-\uF8FF]+/g;

// A glyph the PDF gives no Unicode for comes through as U+FFFD or U+FFFF. Standing alone
// after a year and before a year, a month or a word ("2010 \uFFFF 2014", "03/2019 \uFFFD
// Present"), it is a range's dash set in a font that lacks one (a minus sign in a TeX font,
// say); after any other number it may be anything ("30\uFFFD" for a percent sign).
const UNMAPPED_DASH = /(?<=(?:^|[^\d])(?:\d{1,2}[./])?\d{4}\s?)[\uFFFD\uFFFF](?=\s?(?:\d{1,2}[./])?\d{4}(?!\d)|\s?\p{L})/gu;

/** Collapses every kind of whitespace (NBSP, thin spaces, newlines) to single spaces, drops invisible characters, and gives back the ideographs and Arabic letters that radicals and display forms stand in for. */
export function cleanText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(PRIVATE_USE, '•')
    .replace(UNMAPPED_DASH, '–')
    .replace(KANGXI_RADICAL, (radical) => radical.normalize('NFKC'))
    .replace(ARABIC_PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The line's tab-separated cells, each cleaned, empty ones left out with their x. */
function cleanCells(draft: DraftLine): { text: string; x?: number }[] {
  const texts = draft.text.split('\t');
  const xs = draft.cellX?.length === texts.length ? draft.cellX : undefined;
  return texts.map((text, index) => ({ text: cleanText(text), ...(xs ? { x: xs[index]! } : {}) })).filter((cell) => cell.text !== '');
}

// Glyphs people and editors use as bullets (icon glyphs have become "•" by then). ASCII
// and dash bullets need a following space so that "-5%" or "*nix" are left alone.
const BULLET = /^(?:[•●▪‣◦·■□○▸►➢✓✔]\s*|[-*–]\s+)/u;

// An em dash also signs a quotation with its author's name ("— Ana Ruiz, CTO"), so it is
// a bullet only in a document that opens lines with it one after another, as a list does.
const EM_DASH_BULLET = /^—\s+/u;

/** Removes a leading bullet glyph from cleaned text; listItem tells whether there was one. `dashes`: the document lists with em dashes. */
export function splitBullet(text: string, dashes = false): { text: string; listItem: boolean } {
  const match = BULLET.exec(text) ?? (dashes ? EM_DASH_BULLET.exec(text) : null);
  return match ? { text: text.slice(match[0].length), listItem: true } : { text, listItem: false };
}

/** Two lines in a row of one column open with an em dash: the document's lists are set so. */
function listsWithDashes(drafts: readonly DraftLine[]): boolean {
  const opensWithDash = (draft: DraftLine | undefined) => draft !== undefined && EM_DASH_BULLET.test(cleanText(draft.text.split('\t')[0] ?? ''));
  return drafts.some((draft, index) => {
    const next = drafts[index + 1];
    return next !== undefined && next.page === draft.page && next.column === draft.column && opensWithDash(draft) && opensWithDash(next);
  });
}

const round = (value: number, decimals = 2): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Turns parser output into the document: cleans each line (and each of its tab-separated
 * cells), takes bullets off, drops lines
 * left empty, and measures gapBefore against the previous line of the same column on the
 * same page. Throws NO_TEXT_FOUND when nothing is left.
 */
export function assembleDocument(kind: DocumentKind, pageCount: number, drafts: readonly DraftLine[]): DocumentText {
  const lines: TextLine[] = [];
  const lastInColumn = new Map<string, TextLine>();
  const dashes = listsWithDashes(drafts);
  for (const draft of drafts) {
    const cells = cleanCells(draft);
    const bullet = splitBullet(cells[0]?.text ?? '', dashes);
    if (bullet.text) cells[0]!.text = bullet.text;
    else cells.shift();
    if (cells.length === 0) continue;
    const cellX = cells.every((cell) => cell.x !== undefined) && cells.length > 1 ? cells.map((cell) => round(cell.x!)) : undefined;
    const y = round(draft.y);
    const key = `${draft.page}:${draft.column}`;
    const previous = lastInColumn.get(key);
    const { cellX: _draftCells, cellEnd: _draftEnds, ...geometry } = draft;
    const line: TextLine = {
      ...geometry,
      text: cells.map((cell) => cell.text).join('\t'),
      ...(cellX ? { cellX } : {}),
      x: round(draft.x),
      y,
      width: round(draft.width),
      // Generators scale fonts so that 11 pt comes out as 10.99; nobody sets tenths of points finer.
      fontSize: round(draft.fontSize, 1),
      gapBefore: previous ? round(y - previous.y) : 0,
      listItem: (draft.listItem ?? false) || bullet.listItem,
    };
    lastInColumn.set(key, line);
    lines.push(line);
  }
  if (lines.length === 0) throw new ExtractionError('NO_TEXT_FOUND');
  return { kind, pageCount, lines, plainText: lines.map((line) => line.text).join('\n') };
}
