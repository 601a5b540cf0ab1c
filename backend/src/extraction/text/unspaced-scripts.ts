// Chinese and Japanese put no spaces between words, nor between their characters and
// Latin words or digits ("UI設計", "18%向上"); Korean does space its words and is not
// among them. A line break or a typesetter's extra gap between such text (LibreOffice
// widens the gap between Asian and Western characters) is therefore no space.

// Han, kana, CJK punctuation ("。", "、") and full-width forms ("（", "，").
const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef`;
const UNSPACED_START = new RegExp(`^[${UNSPACED}]`, 'u');
const UNSPACED_END = new RegExp(`[${UNSPACED}]$`, 'u');
const SPACE_BESIDE_UNSPACED = new RegExp(`(?<=[${UNSPACED}])\\s+|\\s+(?=[${UNSPACED}])`, 'gu');

/** Text ending `before` and text starting `after` meet without a space: one side is Chinese or Japanese. */
export function meetsUnspaced(before: string, after: string): boolean {
  return UNSPACED_END.test(before) || UNSPACED_START.test(after);
}

/** The text's first word: up to its first space, or its first character in Chinese or Japanese, where no space parts words. */
export function firstWord(text: string): string {
  return UNSPACED_START.test(text) ? [...text][0]! : (text.split(' ')[0] ?? '');
}

/** Two lines of one paragraph as one: a space between them unless the break falls in Chinese or Japanese text. */
export function joinWrapped(before: string, after: string): string {
  return `${before}${meetsUnspaced(before, after) ? '' : ' '}${after}`;
}

/** The text without the spaces that stand next to Chinese or Japanese characters, for comparing text however it was wrapped. */
export function withoutUnspacedGaps(text: string): string {
  return text.replace(SPACE_BESIDE_UNSPACED, '');
}
