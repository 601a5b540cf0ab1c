import { ExtractionError } from '../errors';
import { findDateRanges } from '../extractors/offline/date-spans';
import { sectionOfHeading } from '../extractors/offline/heading-words';
import { fold, isProse } from '../extractors/offline/text';
import type { DocumentText } from '../text/document-text';

// CV or not, before any extraction is paid for. Leans towards yes: refusing a real CV
// costs its owner more than extracting a stray document costs us, so a document is
// refused only when the signs of a CV are missing or another kind of document clearly
// shows through (a letter's salutation and closing, an invoice's totals, a form's blanks).

export interface CvEvidence {
  words: number;
  /** Distinct sections named by heading lines (Experience, Formación, השכלה…). */
  sectionHeadings: number;
  hasEmail: boolean;
  hasPhone: boolean;
  /** Lines holding a date range (2019 – Present, 03/2017 - 12/2019, ene. 2020 – actualidad). */
  dateRanges: number;
  /** Words of other document kinds: invoices, letters, recipes, job adverts, placeholder text. */
  otherKinds: { invoice: number; letter: number; recipe: number; jobAdvert: number; placeholder: number };
  /** A letter's frame: a salutation line ("Dear…", "Estimado…") and a closing one ("Sincerely"). */
  letterFrame: boolean;
  /** Labels left blank for someone to fill in ("Name: ______", "Signature: ....", "☐"). */
  blankFields: number;
  /** Average words per line: prose runs long, CVs short. */
  wordsPerLine: number;
  /** Share of lines that are full sentences. */
  proseShare: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}/;
const TERMS: Record<keyof CvEvidence['otherKinds'], RegExp> = {
  invoice:
    /\b(invoice|invoice no|bill to|subtotal|total due|amount due|balance due|vat|tax id|payment terms|unit price|qty|factura|facture|rechnung|mwst|iva|importe|montant|ust-idnr)\b|חשבונית|סה"כ לתשלום/g,
  letter:
    /\b(dear|sincerely|yours faithfully|yours truly|kind regards|best regards|to whom it may concern|estimado|estimada|atentamente|cordialement|madame, monsieur|sehr geehrte|mit freundlichen)\b|לכבוד|בברכה/g,
  recipe: /\b(ingredients|preheat|tablespoons?|teaspoons?|servings|bake|simmer|stir|ingredientes|cucharadas?|cucharaditas?|cuilleres?|zutaten|essloffel|backofen)\b|מצרכים|אופן ההכנה/g,
  // A job advert has sections too (Requirements, Skills); its voice gives it away.
  jobAdvert:
    /\b(we are looking for|we're looking for|you will|you'll|the ideal candidate|what we offer|we offer|about the role|about us|how to apply|apply now|job description|buscamos|ofrecemos|requisitos|nous recherchons|vos missions|profil recherche|wir suchen|wir bieten|ihre aufgaben|ihr profil)\b|דרישות התפקיד|אנו מחפשים/g,
  placeholder: /\blorem ipsum\b|\bdolor sit amet\b/g,
};
// Both compared with folded lines (lower case, no accents).
const SALUTATION = /^(?:dear|hello|hi|to whom it may concern|estimad[oa]s?|querid[oa]|madame|monsieur|chere?|sehr geehrte|liebe|lieber|hallo|לכבוד|שלום)(?![\p{L}])/u;
const CLOSING =
  /^(?:sincerely|yours (?:sincerely|faithfully|truly)|kind regards|best regards|regards|best wishes|atentamente|saludos|un saludo|cordialement|bien a vous|mit freundlichen gr|viele gr|beste gr|בברכה|בכבוד רב)/u;
// "Name: ______", "Date of birth: ..........", "Signature", checkboxes.
const BLANK = /[:：]\s*(?:_{3,}|\.{4,}|…{2,})\s*$|^_{4,}$|[☐□]/u;

export function cvEvidence(document: DocumentText): CvEvidence {
  const text = document.plainText;
  const folded = fold(text);
  const lines = document.lines.map((line) => line.text.trim()).filter((line) => line !== '');
  const words = text.split(/\s+/).filter(Boolean).length;
  const headings = new Set(
    lines
      .filter((line) => line.split(/\s+/).length <= 6)
      .map(sectionOfHeading)
      .filter(Boolean),
  );
  const count = (pattern: RegExp) => folded.match(pattern)?.length ?? 0;
  const foldedLines = lines.map(fold);
  return {
    words,
    sectionHeadings: headings.size,
    hasEmail: EMAIL.test(text),
    hasPhone: PHONE.test(text),
    dateRanges: lines.filter(hasDateRange).length,
    otherKinds: {
      invoice: count(TERMS.invoice),
      letter: count(TERMS.letter),
      recipe: count(TERMS.recipe),
      jobAdvert: count(TERMS.jobAdvert),
      placeholder: count(TERMS.placeholder),
    },
    letterFrame: foldedLines.some((line) => SALUTATION.test(line)) && foldedLines.some((line) => CLOSING.test(line)),
    blankFields: lines.filter((line) => BLANK.test(line)).length,
    wordsPerLine: lines.length ? words / lines.length : 0,
    proseShare: lines.length ? lines.filter(isProse).length / lines.length : 0,
  };
}

// A period (two dates, or a date and "present"), not a lone year: "2019 – Present", "seit 03/2020".
function hasDateRange(line: string): boolean {
  return findDateRanges(line).some(({ range }) => range.end !== null || range.isCurrent === true);
}

/** Why the evidence says "not a CV", or null when it may well be one. */
export function notACvReason(e: CvEvidence): string | null {
  if (e.words < 15) return 'too short';
  if (e.otherKinds.placeholder > 0 && e.sectionHeadings < 2) return 'placeholder text';
  const personal = (e.hasEmail ? 1 : 0) + (e.hasPhone ? 1 : 0);
  const cvSigns = 2 * e.sectionHeadings + personal + Math.min(e.dateRanges, 3);
  // A cover letter carries its writer's contact details and mentions dates: its frame
  // (salutation and closing) and the lack of sections give it away.
  if (e.letterFrame && e.sectionHeadings < 2) return 'a letter';
  if (e.blankFields >= 3 && e.sectionHeadings < 3) return 'a form to fill in';
  const otherSigns = Math.max(e.otherKinds.invoice, e.otherKinds.letter, e.otherKinds.recipe);
  if (otherSigns >= 3 && otherSigns >= cvSigns) return 'another kind of document';
  // An advert names no person: no email or phone of its own beside its words of offer.
  if (e.otherKinds.jobAdvert >= 3 && e.dateRanges < 2) return 'a job advert';
  // Long lines of sentences with no sections and no dated entries: prose (an article, a chapter).
  if (e.sectionHeadings === 0 && e.dateRanges < 2 && (e.wordsPerLine > 18 || e.proseShare > 0.6)) return 'prose';
  if (e.sectionHeadings < 2 && e.proseShare > 0.8) return 'prose';
  if (cvSigns >= 3) return null;
  return 'no sections, contact details or dated entries';
}

export function assertLooksLikeCv(document: DocumentText): void {
  if (notACvReason(cvEvidence(document)) !== null) throw new ExtractionError('NOT_A_CV');
}
