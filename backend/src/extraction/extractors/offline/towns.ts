import type { Line } from './lines';

// Where two columns of a row ran together ("Banca Ibérica Digital Madrid", "University of
// Edinburgh Edinburgh, UK"), which trailing words are the town. Most towns are one word; a
// few first and last words mark the common longer ones ("New York", "Jersey City",
// "Frankfurt am Main").

const FIRST_WORDS = new Set([
  'תל',
  'רמת',
  'באר',
  'ראשון',
  'פתח',
  'כפר',
  'בני',
  'בית',
  'קריית',
  'קרית',
  'נס',
  'ראש',
  'הוד',
  'זכרון',
  'מעלה',
  'אור',
  'גבעת',
  'מגדל',
  'נוף',
  'עין',
  'בת',
  'מבשרת',
  'new',
  'san',
  'santa',
  'santo',
  'los',
  'las',
  'saint',
  'st.',
  'sankt',
  'tel',
  'rio',
  'buenos',
  'hong',
  'kuala',
  'palo',
  'ann',
  'salt',
  'cold',
  'mountain',
  'des',
  'são',
  'sao',
  'la',
  'le',
  'el',
  'al',
  'abu',
  'ho',
  'kansas',
  'oklahoma',
  'mexico',
  'panama',
  'guatemala',
  'cape',
  'port',
  'fort',
  'east',
  'west',
  'north',
  'south',
  'ciudad',
  'villa',
  'bad',
  'den',
  'the',
]);
const LAST_WORDS = new Set([
  'city',
  'harbor',
  'harbour',
  'beach',
  'springs',
  'park',
  'heights',
  'falls',
  'valley',
  'view',
  'alto',
  'arbor',
  'aires',
  'aviv',
  'jolla',
  'main',
  'moines',
  'grove',
  'bay',
  'island',
  'hills',
  'vegas',
  'angeles',
  'york',
  'francisco',
  'diego',
  'jose',
  'paulo',
  'janeiro',
  'lumpur',
  'kong',
  'town',
  'lake',
  'haven',
  'creek',
  'rapids',
  'dhabi',
  'minh',
]);
// Words inside a town's name: "Frankfurt am Main", "Rio de Janeiro", "Stratford-upon-Avon".
const INNER_WORDS = new Set(['am', 'an', 'de', 'del', 'do', 'da', 'upon', 'on', 'sur', 'en', 'im', 'la']);

const capitalised = (word: string) => /^[\p{Lu}\d\u05d0-\u05ea]/u.test(word);

/** How many of the words' last ones name the town (0 when the last word cannot be one). */
export function townLength(words: readonly string[]): number {
  const at = (fromEnd: number) => words[words.length - fromEnd] ?? '';
  if (!capitalised(at(1))) return 0;
  if (words.length >= 4 && INNER_WORDS.has(at(2).toLowerCase()) && capitalised(at(3))) return 3;
  if (words.length >= 3 && capitalised(at(2)) && (FIRST_WORDS.has(at(2).toLowerCase()) || LAST_WORDS.has(at(1).toLowerCase()))) return 2;
  return 1;
}

/**
 * Whether a PDF line is much wider than its characters need: a row whose parts sit apart
 * (a title left, a date or a place flush right) and came out as one line.
 */
export function isStretched(line: Line): boolean {
  const natural = line.text.length * line.fontSize * 0.5;
  return line.width > natural * 1.5 && line.width - natural > line.fontSize * 4;
}
