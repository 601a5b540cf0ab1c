import { ExtractionError } from '../errors';
import { sectionOfHeading } from '../extractors/offline/heading-words';
import { fold } from '../extractors/offline/text';
import type { DocumentText } from '../text/document-text';

// CV or not, before any extraction is paid for. Leans towards yes: refusing a real CV
// costs its owner more than extracting a stray document costs us, so a document is
// refused only when the signs of a CV are missing or a non-CV kind clearly dominates.

export interface CvEvidence {
  words: number;
  /** Distinct sections named by heading lines (Experience, Formación, השכלה…). */
  sectionHeadings: number;
  hasEmail: boolean;
  hasPhone: boolean;
  /** Lines holding a date range (2019 – Present, 03/2017 - 12/2019). */
  dateRanges: number;
  /** Words of other document kinds: invoices, letters, recipes, placeholder text. */
  otherKinds: { invoice: number; letter: number; recipe: number; placeholder: number };
  /** Average words per line: prose runs long, CVs short. */
  wordsPerLine: number;
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}/;
const TERMS: Record<keyof CvEvidence['otherKinds'], RegExp> = {
  invoice: /\b(invoice|invoice no|bill to|subtotal|total due|amount due|balance due|vat|tax id|payment terms|unit price|qty|factura|facture|rechnung|mwst|iva|importe|montant)\b|חשבונית/g,
  letter: /\b(dear|sincerely|yours faithfully|yours truly|kind regards|best regards|to whom it may concern|estimado|atentamente|cordialement|madame, monsieur|sehr geehrte|mit freundlichen)\b/g,
  recipe: /\b(ingredients|preheat|tablespoons?|teaspoons?|servings|bake|simmer|stir)\b/g,
  placeholder: /\blorem ipsum\b|\bdolor sit amet\b/g,
};

export function cvEvidence(document: DocumentText): CvEvidence {
  const text = document.plainText;
  const folded = fold(text);
  const lines = document.lines.filter((line) => line.text.trim() !== '');
  const words = text.split(/\s+/).filter(Boolean).length;
  const headings = new Set(lines.filter((line) => line.text.split(/\s+/).length <= 6).map((line) => sectionOfHeading(line.text)).filter(Boolean));
  const count = (pattern: RegExp) => folded.match(pattern)?.length ?? 0;
  return {
    words,
    sectionHeadings: headings.size,
    hasEmail: EMAIL.test(text),
    hasPhone: PHONE.test(text),
    dateRanges: lines.filter((line) => isRange(line.text)).length,
    otherKinds: { invoice: count(TERMS.invoice), letter: count(TERMS.letter), recipe: count(TERMS.recipe), placeholder: count(TERMS.placeholder) },
    wordsPerLine: lines.length ? words / lines.length : 0,
  };
}

// "2019 – Present", "2015 to 2017", "03/2017 - 12/2019", "seit 2020", "היום – 2021".
const DATE_RANGE = /(?:19|20)\d{2}\s*(?:[-–—]|to|a|à|bis|עד)\s*(?:(?:19|20)\d{2}|\p{L}+)|(?:since|desde|depuis|seit|מאז)\s+\S*\d{4}|\d{1,2}[./](?:19|20)?\d{2}\s*[-–—]|\p{L}+\s*[-–—]\s*(?:19|20)\d{2}/iu;

function isRange(line: string): boolean {
  return DATE_RANGE.test(line);
}

/** Why the evidence says "not a CV", or null when it may well be one. */
export function notACvReason(e: CvEvidence): string | null {
  if (e.words < 15) return 'too short';
  if (e.otherKinds.placeholder > 0 && e.sectionHeadings < 2) return 'placeholder text';
  const personal = (e.hasEmail ? 1 : 0) + (e.hasPhone ? 1 : 0);
  const cvSigns = 2 * e.sectionHeadings + personal + Math.min(e.dateRanges, 3);
  const otherSigns = Math.max(e.otherKinds.invoice, e.otherKinds.letter, e.otherKinds.recipe);
  if (otherSigns >= 3 && otherSigns >= cvSigns) return 'another kind of document';
  // Long lines with no sections and no dated entries: prose (an article, a chapter).
  if (e.sectionHeadings === 0 && e.dateRanges < 2 && e.wordsPerLine > 18) return 'prose';
  if (cvSigns >= 3) return null;
  return 'no sections, contact details or dated entries';
}

export function assertLooksLikeCv(document: DocumentText): void {
  if (notACvReason(cvEvidence(document)) !== null) throw new ExtractionError('NOT_A_CV');
}
