// pdf.js gives the text items of a line left to right, as drawn. In a right-to-left
// paragraph (Hebrew, Arabic) that is the reverse of reading order: "נועה כהן" drawn as
// two items arrives as "כהן נועה", "2021 – היום" as "היום – 2021". pdf.js already puts the
// characters inside each item in reading order, so reading order is restored by ordering
// the items right to left, keeping runs of left-to-right items (names, e-mails, numbers,
// with the punctuation between them) left to right. Not a full Unicode bidi algorithm,
// but what extraction needs.

const RTL_LETTER = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufefc]/;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'g');
const LTR_STRONG = /[A-Za-z0-9\u00c0-\u024f]/;
const LTR_LETTERS = /[A-Za-z\u00c0-\u024f]/g;
// Punctuation that follows a word in reading order is drawn on its left in RTL text.
const LEADING_TRAILER = /^([.,:;!?]+)(.+)$/s;

export interface VisualPiece {
  text: string;
  /** A space separates this piece from the one drawn to its left. */
  spaceBefore: boolean;
}

type Direction = 'rtl' | 'ltr' | 'neutral';

function directionOf(text: string): Direction {
  if (RTL_LETTER.test(text)) return 'rtl';
  return LTR_STRONG.test(text) ? 'ltr' : 'neutral';
}

/** More right-to-left letters than Latin ones. */
export function isRightToLeft(text: string): boolean {
  return (text.match(RTL_LETTERS)?.length ?? 0) > (text.match(LTR_LETTERS)?.length ?? 0);
}

export function hasRightToLeft(text: string): boolean {
  return RTL_LETTER.test(text);
}

// Brackets drawn on their own in a right-to-left paragraph are mirrored glyphs: the "("
// seen on the left of "MBA" is the ")" that closes it in reading order.
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<' };

function mirror(text: string): string {
  return /^[()[\]{}<>]+$/.test(text) ? [...text].map((c) => MIRRORED[c] ?? c).join('') : text;
}

// A hyphen drawn at the right end of a left-to-right run, touching the Hebrew word on its
// right, joins a prefix to it: "Tableau-" + "ב" reads "ב-Tableau".
function moveJoiningHyphen(run: string): string {
  const match = /^(.*?)([-–‐/]+)$/s.exec(run);
  return match && match[1] ? `${match[2]}${match[1]}` : run;
}

function restoreTrailer(text: string): string {
  const match = LEADING_TRAILER.exec(text);
  return match ? `${match[2]}${match[1]}` : text;
}

const NUMBER = /^[+-]?\p{Nd}[\p{Nd}.,:/+%-]*$/u;
// Separators that keep two numbers one number in Unicode's bidi algorithm (ES and CS).
const NUMBER_SEPARATOR = /^[+\-.,:/]$/;

/**
 * Whether left-to-right pieces `from` and `to` (with neutrals between) read as one run. In
 * a right-to-left paragraph, two numbers are runs of their own unless they touch or a
 * single separator touching both joins them ("2021-03"): a range "2018 – 2021" or a phone
 * "+962 79 555 0142" is drawn number by number from the right, as Unicode's bidi algorithm
 * lays them out.
 */
function joinsAcross(pieces: readonly VisualPiece[], from: number, to: number): boolean {
  if (!NUMBER.test(pieces[from]!.text) || !NUMBER.test(pieces[to]!.text)) return true;
  const between = pieces.slice(from + 1, to);
  if (pieces[to]!.spaceBefore || between.length > 1) return false;
  return between.length === 0 || (NUMBER_SEPARATOR.test(between[0]!.text) && !between[0]!.spaceBefore);
}

const BRACKET_PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

/** How many brackets are left open at the end, or -1 when one closes before any opened. */
function openDepth(chars: readonly string[], open: string, close: string): number {
  let depth = 0;
  for (const char of chars) {
    if (char === open) depth += 1;
    else if (char === close && --depth < 0) return -1;
  }
  return depth;
}

/**
 * Brackets of a right-to-left line paired again. PDF writers disagree on whether a bracket
 * drawn mirrored is reported as the glyph seen or as the character meant, so "(MBA)" comes
 * out ")MBA(" or "(MBA(" (one bracket drawn on its own and mirrored, the other not). A
 * close with nothing open before it reads as an open, then the last opens with no close
 * after them read as closes; the result is kept only where every bracket then pairs.
 */
export function pairBrackets(text: string): string {
  let chars = [...text];
  for (const [open, close] of BRACKET_PAIRS) {
    if (openDepth(chars, open, close) === 0) continue;
    let depth = 0;
    const turned = chars.map((char) => {
      const read = char === close && depth === 0 ? open : char;
      if (read === open) depth += 1;
      else if (read === close) depth -= 1;
      return read;
    });
    for (let index = turned.length - 1; index >= 0 && depth >= 2; index -= 1) {
      if (turned[index] !== open || turned.slice(index + 1).includes(close)) continue;
      turned[index] = close;
      depth -= 2;
    }
    if (openDepth(turned, open, close) === 0) chars = turned;
  }
  return chars.join('');
}

/** Joins pieces in visual order (left to right) into reading order for a right-to-left paragraph. */
export function rightToLeftText(pieces: readonly VisualPiece[]): string {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let end = i;
    if (directionOf(pieces[i]!.text) === 'ltr') {
      // Extend over neutrals that lead to another left-to-right piece.
      for (let j = i + 1; j < pieces.length; j++) {
        const direction = directionOf(pieces[j]!.text);
        if (direction === 'rtl' || (direction === 'ltr' && !joinsAcross(pieces, end, j))) break;
        if (direction === 'ltr') end = j;
      }
    }
    runs.push({ start: i, end });
    i = end;
  }
  const join = (from: number, to: number) =>
    pieces
      .slice(from, to + 1)
      .map((piece, k) => (k > 0 && piece.spaceBefore ? ' ' : '') + piece.text)
      .join('');
  let text = '';
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r]!;
    // The run drawn to the right of this one came before it; the space between them was
    // recorded on the right-hand run's first piece.
    const next = runs[r + 1];
    const touchesNext = next !== undefined && !pieces[next.start]!.spaceBefore;
    const first = pieces[run.start]!.text;
    let part = run.start === run.end ? restoreTrailer(mirror(first)) : join(run.start, run.end);
    if (directionOf(first) === 'ltr' && touchesNext && directionOf(pieces[next.start]!.text) === 'rtl') part = moveJoiningHyphen(part);
    text += (next && !touchesNext ? ' ' : '') + part;
  }
  return pairBrackets(text);
}

// Sentence-final punctuation drawn at a line's right end. A right-to-left paragraph draws
// the mark that ends its sentence at the left end, after (left of) the last word; one drawn
// at the right end after right-to-left words ends a left-to-right paragraph (an HTML page
// left at its default direction, a Hebrew or Arabic sentence inside it).
const SENTENCE_END = /[.!?؟]$/u;

/**
 * The line's words are right-to-left but a sentence ends at its right: a left-to-right
 * paragraph. Only a mark drawn on its own or after a left-to-right word tells: pdf.js gives
 * a right-to-left item's text in reading order, so a mark at the end of that text was drawn
 * at the item's left.
 */
export function endsLeftToRight(pieces: readonly VisualPiece[]): boolean {
  const [before, last] = pieces.slice(-2);
  return before !== undefined && last !== undefined && SENTENCE_END.test(last.text) && directionOf(last.text) !== 'rtl' && directionOf(before.text) !== 'neutral';
}

// pdf.js orders the characters of an item as a right-to-left paragraph once Hebrew or
// Arabic letters make up 30% of them (or the item is that short): an item that mixes them
// with Latin words then has its runs in the reverse of a left-to-right paragraph's order.
const PDFJS_RTL_SHARE = 0.3;
const PDFJS_SHORT = 4;
const NEUTRALS = /^(\S*)(\s.*\s|\s)?(\S*)$/su;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f]/;
const LINE_END = /^[^\s\p{L}\p{N}([{]+/u;

/**
 * An item's text as a left-to-right paragraph reads it, where pdf.js read it right to left:
 * its runs of Hebrew/Arabic and of Latin words in reverse order, each kept as it is
 * ("לניהול מלאי SaaS אחריות על מודול" reads "אחריות על מודול SaaS לניהול מלאי"). What
 * stands between two runs of different direction is parted at its spaces: a mark touching a
 * word stays with it ("ב-Tableau"), the spaces stay between the runs.
 */
export function leftToRightItem(text: string): string {
  const letters = [...text];
  const rtlShare = letters.filter((char) => RTL_LETTER.test(char)).length / letters.length;
  if (!LTR_STRONG.test(text) || (rtlShare < PDFJS_RTL_SHARE && letters.length > PDFJS_SHORT)) return text;
  const runs: string[] = [];
  const gaps: string[] = [];
  let run = '';
  let neutral = '';
  let direction: Direction = 'neutral';
  let firstDirection: Direction = 'neutral';
  for (const char of letters) {
    const own = RTL_LETTER.test(char) ? 'rtl' : LTR_LETTER.test(char) ? 'ltr' : 'neutral';
    if (own === 'neutral') neutral += char;
    else if (direction === 'neutral' || own === direction) {
      run += neutral + char;
      neutral = '';
      direction = own;
      if (firstDirection === 'neutral') firstDirection = own;
    } else {
      const [, before = '', between = '', after = ''] = NEUTRALS.exec(neutral) ?? [];
      runs.push(run + before);
      gaps.push(between);
      run = after + char;
      neutral = '';
      direction = own;
    }
  }
  runs.push(run + neutral);
  if (runs.length === 1) return text;
  // A mark that ends the line ("רב-" broken at its hyphen) was drawn at its right end, which
  // pdf.js, reading right to left, puts first, before the right-to-left run it touches.
  const lineEnd = firstDirection === 'rtl' ? (LINE_END.exec(runs[0]!)?.[0] ?? '') : '';
  runs[0] = runs[0]!.slice(lineEnd.length);
  return runs.reverse().reduce((joined, part, index) => joined + gaps[gaps.length - index]! + part) + lineEnd;
}

const JOINING_MARK = /[-–‐/]$/u;

/**
 * A number drawn touching the left of a right-to-left run, a joining mark between them,
 * follows that mark in reading order: the bidi algorithm sets a number after Hebrew or Arabic
 * inside their run, so "ב-18%" is drawn with "18%" on the left even in a left-to-right paragraph.
 */
function closesRun(pieces: readonly VisualPiece[], index: number): boolean {
  const [number, next] = [pieces[index]!.text, pieces[index + 1]];
  return next !== undefined && !next.spaceBefore && NUMBER.test(number) && directionOf(next.text) === 'rtl' && (JOINING_MARK.test(number) || JOINING_MARK.test(next.text));
}

/**
 * Joins pieces in visual order into reading order for a left-to-right paragraph: runs of
 * right-to-left words (with the numbers and punctuation between them) read right to left
 * in place, everything else left to right as drawn.
 */
export function leftToRightText(pieces: readonly VisualPiece[]): string {
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    let end = i;
    if (directionOf(pieces[i]!.text) === 'rtl' || closesRun(pieces, i)) {
      // Numbers and punctuation between right-to-left words belong to their run.
      for (let j = i + 1; j < pieces.length; j++) {
        const direction = directionOf(pieces[j]!.text);
        if (direction === 'ltr' && !NUMBER.test(pieces[j]!.text)) break;
        if (direction === 'rtl') end = j;
      }
    }
    const run = pieces.slice(i, end + 1);
    const part = end > i || directionOf(run[0]!.text) === 'rtl' ? rightToLeftText(run) : run[0]!.text;
    text += (i > 0 && pieces[i]!.spaceBefore ? ' ' : '') + part;
    i = end;
  }
  return text;
}

// Arabic fonts draw lam followed by alef as one ligature glyph, which the PDF maps to the two
// letters in reading order; pdf.js then reverses the drawn line character by character and
// so swaps them: "الأردن" (the article, then lam-alef) comes out "األردن". Two alefs in a
// row, the second before a lam, never occur in Arabic, so that is where the swap shows;
// inside a word ("ثلاث" read "ثالث") nothing tells the swap from a real alef-lam.
const SWAPPED_LAM_ALEF = /\u0627([\u0622\u0623\u0625\u0627])\u0644/gu;

/** Puts back lam-alef ligatures that pdf.js read in swapped order after the article "ال". */
export function unswapLamAlef(text: string): string {
  return text.replace(SWAPPED_LAM_ALEF, '\u0627\u0644$1');
}

interface Placed {
  text: string;
  x: number;
  width: number;
}

// Punctuation between right-to-left words that pdf.js hands over as an item of its own
// (a comma or colon set in another font), drawn inside the extent of the word run it
// punctuates: "عمّان, الأردن" arrives as "عمّان الأردن" and a "," at some x within it.
const LONE_PUNCTUATION = /^[.,:;،؛!?]$/u;

/**
 * Puts each punctuation mark that pdf.js drew inside a right-to-left item back into that
 * item's text, at the end of the word before the space nearest to where it was drawn
 * (measured from the item's right edge, where reading starts); every other item is kept.
 */
export function embedPunctuation<T extends Placed>(items: readonly T[]): T[] {
  const kept = [...items];
  for (const mark of items) {
    if (!LONE_PUNCTUATION.test(mark.text.trim())) continue;
    const centre = mark.x + mark.width / 2;
    const host = kept.find((item) => item !== mark && isRightToLeft(item.text) && centre > item.x && centre < item.x + item.width);
    const spaces = host ? [...host.text.matchAll(/ /g)].map((space) => space.index) : [];
    if (!host || spaces.length === 0) continue;
    const wanted = ((host.x + host.width - centre) / host.width) * host.text.length;
    const at = spaces.reduce((best, index) => (Math.abs(index - wanted) < Math.abs(best - wanted) ? index : best));
    kept[kept.indexOf(host)] = { ...host, text: `${host.text.slice(0, at)}${mark.text.trim()}${host.text.slice(at)}` };
    kept.splice(kept.indexOf(mark), 1);
  }
  return kept;
}
