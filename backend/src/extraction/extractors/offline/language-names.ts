import { fold, tidy } from './text';

// Language names as CVs write them: every ISO 639-1 code that Intl.DisplayNames (full ICU,
// shipped with Node) names, in each of the languages CVs come in ("Spanish", "Spanisch",
// "espagnol", "español", "ספרדית", "西班牙语", "الإسبانية"). A list kept by CLDR, not by hand; built
// once, on first use. The locales after the Latin ones write in scripts of their own, so their
// names cannot collide with a Latin skill word ("Go", "R").
const DISPLAY_LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'he', 'ar', 'fa', 'ru', 'uk', 'el', 'hi', 'zh', 'ja', 'ko'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

let known: Set<string> | null = null;

function languageNames(): Set<string> {
  if (known) return known;
  const names = new Set<string>();
  const displays = DISPLAY_LOCALES.map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const english = displays[0]!.of(code);
      // Codes CLDR does not name are not languages (or are deprecated ones).
      if (english === undefined || english === code) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name !== undefined) names.add(fold(name));
      }
    }
  }
  known = names;
  return names;
}

/** Whether the text names a language: "Spanish", "Deutsch", "français", "עברית", "中文". */
export function isLanguageName(text: string): boolean {
  return languageNames().has(fold(tidy(text)));
}

// "Fluent in Spanish", "courant en anglais", "verhandlungssicher in Englisch".
const LEVEL_IN = /^(.+?)\s+(?:in|en|auf|im)\s+(.+)$/iu;

/**
 * A language and how well it is spoken, as one phrase: "Fluent in Spanish", "Spanish C1",
 * "Native English", "Deutsch Muttersprache". Null when no language is named at either end.
 */
export function languageAndLevel(text: string): { language: string; level?: string } | null {
  const written = tidy(text);
  if (isLanguageName(written)) return { language: written };
  const levelIn = LEVEL_IN.exec(written);
  if (levelIn?.[1] && levelIn[2] && isLanguageName(levelIn[2])) return { language: tidy(levelIn[2]), level: tidy(levelIn[1]) };
  const words = written.split(/\s+/u);
  for (let count = Math.min(3, words.length - 1); count >= 1; count -= 1) {
    const head = words.slice(0, count).join(' ');
    const tail = words.slice(words.length - count).join(' ');
    if (isLanguageName(head)) return { language: tidy(head), level: tidy(words.slice(count).join(' ')) };
    if (isLanguageName(tail)) return { language: tidy(tail), level: tidy(words.slice(0, words.length - count).join(' ')) };
  }
  return null;
}
