import { ExtractionError } from '../errors';
import type { DocumentText } from '../text/document-text';

export function assertLooksLikeCv(document: DocumentText): void {
  if (document.plainText.split(/\s+/).length < 20) throw new ExtractionError('NOT_A_CV');
}
