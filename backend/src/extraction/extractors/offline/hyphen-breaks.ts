import type { DocumentText } from '../../text/document-text';
import { isTypesetterFont } from '../../text/font-style';
import { joinWrapped } from '../../text/unspaced-scripts';
import { endWithout } from './text';

// A word broken at a line's end after a hyphen ("Uni-" over "versity", "single-" over
// "cell") is one word again once the lines are joined. Whether the hyphen was the word's own
// or one the typesetter added is read from the evidence: the same word written elsewhere in
// the document, with or without it; else who set the text (TeX and Typst hyphenate words on
// their own, a browser or a word processor does not: the PDF's producer tells, or else a font
// only they use) and whether the line goes on in lower
// case, as the rest of a word does. The source check accepts both readings.

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const STARTS_WORD = /^[\p{L}\p{N}]+/u;
const NUMBER_RANGE_BROKEN = /\p{N}[–—]$/u;
const WORDS = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Whether a line ends in the first piece of a word broken at a hyphen, and the next starts with the rest in lower case. */
export function breaksWord(before: string, after: string): boolean {
  return /\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after);
}

/** The word before the hyphen that ends the text, if one does; read back from the end, since a line may be one long word. */
function brokenWord(text: string): string | undefined {
  if (!text.endsWith('-')) return undefined;
  const body = text.slice(0, -1);
  const start = endWithout(body, WORD_CHARACTER);
  return start < body.length ? body.slice(start) : undefined;
}

export class HyphenBreaks {
  private readonly words = new Set<string>();

  private readonly typeset: boolean;

  constructor(document: Pick<DocumentText, 'lines' | 'typeset'>) {
    this.typeset = document.typeset ?? false;
    for (const line of document.lines) for (const word of line.text.toLowerCase().match(WORDS) ?? []) this.words.add(word);
  }

  /** Two wrapped lines as one; `fontName` is the font of the line that ends in the hyphen. */
  join(before: string, after: string, fontName: string | undefined): string {
    // A range of numbers broken after its dash ("grades 9–" over "11") is one range again.
    if (NUMBER_RANGE_BROKEN.test(before) && /^\p{N}/u.test(after)) return `${before}${after}`;
    const head = brokenWord(before);
    const tail = STARTS_WORD.exec(after)?.[0];
    if (head === undefined || tail === undefined) return joinWrapped(before, after);
    return this.typesetterHyphen(head, tail, fontName, after) ? `${before.slice(0, -1)}${after}` : `${before}${after}`;
  }

  private typesetterHyphen(head: string, tail: string, fontName: string | undefined, after: string): boolean {
    const whole = `${head}${tail}`.toLowerCase();
    if (this.words.has(`${head}-${tail}`.toLowerCase())) return false;
    if (this.words.has(whole)) return true;
    return breaksWord(`${head}-`, after) && (this.typeset || isTypesetterFont(fontName));
  }
}
