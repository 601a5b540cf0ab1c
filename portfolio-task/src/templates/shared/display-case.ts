// CVs often set names and headings in capitals ("JANE DOE", "WORK EXPERIENCE"): fine on paper,
// but on a site they shout, and sit oddly beside the template's own "About". Only the text
// shown is changed; the CV keeps what was written. Text with any lower-case letter was cased
// by a person and stays as it is, and so does text in scripts without case (Hebrew, Arabic, CJK).

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

// Short words a heading uses that are words, not acronyms ("SKILLS AND TOOLS", "FORMACIÓN Y
// CURSOS", "KEY PROJECTS"); any other word of up to three letters is taken for an acronym
// ("IT", "UX", "AWS"), as are words with a digit ("WEB3") or without a vowel ("HTML", "SQL").
const SHORT_WORDS = new Set(
  [
    ...['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'my', 'of', 'on', 'or', 'the', 'to', 'key', 'top', 'new', 'art', 'our', 'all', 'how', 'who', 'why', 'me', 'us'],
    ...['y', 'e', 'o', 'u', 'de', 'del', 'la', 'las', 'el', 'los', 'en', 'con', 'por', 'mis', 'sus', 'al'],
    ...['et', 'le', 'les', 'des', 'du', 'au', 'aux', 'sur', 'par', 'mes', 'ou'],
    ...['und', 'der', 'die', 'das', 'für', 'von', 'mit', 'im', 'zu', 'am', 'bei', 'aus', 'zur', 'zum', 'vom', 'ich'],
  ].map((word) => word.toLocaleUpperCase('en')),
);

function isAcronym(word: string): boolean {
  const letters = word.replace(/\P{L}/gu, '');
  if (!letters) return false;
  if (/\p{N}/u.test(word) || !/[AEIOUYÀ-ÖØ-Ý]/u.test(letters)) return true;
  return letters.length <= 3 && !SHORT_WORDS.has(letters);
}

function capitalise(word: string, language: string): string {
  const lower = word.toLocaleLowerCase(language);
  return lower.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase(language));
}

const ROMAN_NUMERAL = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;

/** A person's name for display: "JANE O'NEIL-SMITH III" → "Jane O'Neil-Smith III". */
export function displayName(text: string, language: string): string {
  if (!isAllCaps(text)) return text;
  // Each run of letters is one part of the name: the parts after an apostrophe or a hyphen get their capital too.
  return text.replace(/[\p{L}\p{M}]+/gu, (part) => (ROMAN_NUMERAL.test(part) ? part : capitalise(part, language)));
}

/** A heading for display in sentence case, acronyms kept: "IT SKILLS AND TOOLS" → "IT skills and tools". */
export function displayHeading(text: string, language: string): string {
  if (!isAllCaps(text)) return text;
  let first = true;
  return text.replace(/\S+/gu, (word) => {
    const shown = isAcronym(word) ? word : first ? capitalise(word, language) : word.toLocaleLowerCase(language);
    if (/\p{L}/u.test(word)) first = false;
    return shown;
  });
}
