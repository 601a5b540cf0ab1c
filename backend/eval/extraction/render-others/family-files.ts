import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Cv } from '@r2w/cv-schema';
import { scoredFacts } from '../metrics';

// Writes a family folder's truth files and its SOURCES.md (the format is README.md's
// "Layouts by others").

export interface FamilyDocument {
  name: string;
  formats: string[];
  truth: Cv;
  /** Values of the source CV the document does not print (left out of the truth). */
  dropped: string[];
  /** Where its CV comes from. */
  source: string;
}

export interface FamilySources {
  title: string;
  /** Where the layout comes from and its licence. */
  layout: string;
  /** How the files were made: versions and commands, one point each. */
  made: string[];
  /** How the truth was decided, when not as printed-truth.ts does it. */
  truth?: string;
}

/** How printed-truth.ts decided the truth, for documents of one format. */
function printedTruthNote(format: string): string {
  const docx = format === 'docx';
  return (
    `The truth is the source CV as a careful reader would file it (render-others/jsonresume.ts \`fullReading\`), kept to the values the ${docx ? 'DOCX' : 'PDF'} prints: ` +
    `render-others/printed-truth.ts reads the ${docx ? "DOCX's `word/document.xml` with unzip (paragraphs, tabs and line breaks; an independent reader, not the extractor's)" : "PDF with poppler's `pdftotext` (an independent reader, not pdf.js)"}, keeps each value found as a word or phrase ` +
    '(normalised as the scorer normalises), each date and date range as the layout prints it ("Dec 2013 - Present"), each link as printed (with or without its scheme), ' +
    `and leaves out the rest (listed below per field). ${docx ? 'Spot-checked by eye on the PDFs LibreOffice exports from the documents.' : 'Spot-checked by eye on pages rendered with `pdftoppm -png -r 60`.'}`
  );
}

/** A short list of what was left out: field paths without indices, with counts. */
export function droppedSummary(dropped: string[]): string {
  if (dropped.length === 0) return 'nothing';
  const counts = new Map<string, number>();
  for (const field of dropped.map((item) => item.replace(/\[\d+\]/g, ''))) counts.set(field, (counts.get(field) ?? 0) + 1);
  return [...counts].map(([field, count]) => `${field}${count > 1 ? ` ×${count}` : ''}`).join(', ');
}

export function writeFamily(folder: string, documents: FamilyDocument[], sources: FamilySources): void {
  for (const document of documents) writeFileSync(path.join(folder, `${document.name}.truth.json`), `${JSON.stringify(document.truth, null, 2)}\n`);
  const rows = documents.map((document) => `| ${document.name} (${document.formats.join(', ')}) | ${document.source} | ${scoredFacts(document.truth).length} | ${droppedSummary(document.dropped)} |`);
  const text = [
    `# ${sources.title}`,
    '',
    `Layout: ${sources.layout}`,
    '',
    'How the files were made:',
    ...sources.made.map((point) => `- ${point}`),
    '',
    `Truth: ${sources.truth ?? printedTruthNote(documents.every((document) => document.formats.join() === 'docx') ? 'docx' : 'pdf')}`,
    '',
    '| document | CV | true facts | not printed, left out of the truth |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(folder, 'SOURCES.md'), text);
}
