// Why a CV could not be extracted, in words for the person who uploaded it. A permanent
// failure (the file itself is the problem) ends the job at once; anything else is
// retried by the queue.
export const ExtractionFailure = {
  FILE_EMPTY: 'The file is empty. Choose the CV file again.',
  UNSUPPORTED_TYPE: 'This file is not a PDF, a Word document (.docx) or plain text. Upload your CV in one of those formats.',
  FILE_CORRUPT: 'The file is damaged and cannot be read. Export it again from your editor and upload the new copy.',
  PDF_ENCRYPTED: 'This PDF is password-protected. Upload a copy without a password.',
  ARCHIVE_TOO_LARGE: 'This Word document unpacks to far more data than a CV holds, so it was not opened. Save it again from Word and upload the new copy.',
  NO_TEXT_FOUND: 'No text found: this looks like a scanned or image-only file. Upload a text PDF or DOCX.',
  TOO_MANY_PAGES: 'This document has more pages than a CV; upload a CV of at most 30 pages.',
  NOT_A_CV: 'This document does not look like a CV or résumé, so nothing was extracted.',
  EXTRACTION_TIMEOUT: 'Reading this file took too long. Upload a simpler copy (for example, export it to PDF again).',
  FILE_TOO_COMPLEX: 'This file needs far more memory to read than a CV does, so reading it was stopped. Export your CV to PDF again (or save it as a new .docx) and upload that copy.',
  CV_TOO_LONG: 'This document is far longer than a CV, so it was not read. Upload your CV on its own.',
  CV_TOO_COMPLEX: 'The text of this file is laid out as no CV is (for example thousands of table cells on one line), so reading it was stopped. Upload your CV exported again as PDF or DOCX.',
} as const;

export type ExtractionFailureCode = keyof typeof ExtractionFailure;

export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionFailureCode,
    readonly permanent = true,
    options?: { cause?: unknown },
  ) {
    super(ExtractionFailure[code], options);
    this.name = 'ExtractionError';
  }
}
