import type { LatexCv, TexLang } from './model';
import { tex } from './tex';

// The preamble lines every class needs the same way: input encoding, fonts, the language's
// hyphenation and words, and the running header some CVs carry.

// Spanish's layout changes (list labels, roman numerals) break moderncv's \phone: es-nolayout, as babel-spanish's manual offers.
const BABEL: Record<Exclude<TexLang, 'he' | 'zh'>, string> = { en: 'english', es: 'spanish,es-nolayout', fr: 'french', de: 'ngerman' };

// Fonts with every dash and minus sign: Latin Modern's OpenType fonts lack U+2010…U+2015 and U+2212.
const XETEX_LATIN = String.raw`\setmainfont{Noto Serif}
\setsansfont{Noto Sans}`;

/** Encoding, fonts and language; `fontspecLoaded` when the class loads fontspec itself under XeTeX. */
export function languagePreamble(cv: LatexCv): string {
  if (cv.lang === 'zh')
    return String.raw`\usepackage{fontspec}
\usepackage[fontset=fandol]{ctex}`;
  // Liberation (metric twins of Times and Arial, the fonts Hebrew CVs are mostly set in) has
  // Hebrew and Latin both: Noto's Hebrew faces have no digits or Latin letters.
  if (cv.lang === 'he')
    return String.raw`\usepackage{fontspec}
\usepackage{polyglossia}
\setmainlanguage{hebrew}
\setotherlanguage{english}
\setmainfont{Liberation Serif}
\setsansfont{Liberation Sans}
\newfontfamily\hebrewfont[Script=Hebrew]{Liberation Serif}
\newfontfamily\hebrewfontsf[Script=Hebrew]{Liberation Sans}`;
  const babel = String.raw`\usepackage[${BABEL[cv.lang]}]{babel}`;
  if (cv.engine === 'xelatex')
    return String.raw`\usepackage{fontspec}
${XETEX_LATIN}
${babel}`;
  return String.raw`\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
${babel}`;
}

/** fancyhdr's running header and footer: the name, what the document is, "Page n of m". */
export function runningHeaderPreamble(cv: LatexCv): string {
  if (!cv.runningHeader) return '';
  return String.raw`\usepackage{fancyhdr}
\usepackage{lastpage}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{${tex(cv.name)}}
\fancyhead[R]{Curriculum Vitae}
\fancyfoot[C]{Page \thepage\ of \pageref{LastPage}}
\renewcommand{\headrulewidth}{0.4pt}`;
}
