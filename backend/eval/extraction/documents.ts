import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Cv } from '@r2w/cv-schema';
import type { DocumentKind } from '../../src/extraction/text/document-text';
import type { CorpusCv, Origin } from './corpus';
import { cvDocument } from './cv-document';
import { mapLimit } from './map-limit';
import { OUR_FAMILY, type OtherDocument } from './others';
import { renderDocx } from './render-docx';
import { renderHtml, type Layout } from './render-html';
import type { PdfRenderer } from './render-pdf';
import { renderText } from './render-text';

// Every corpus CV in every requested layout and format, written to a folder so a run's
// files can be opened and looked at (run-eval --keep).

export type Format = DocumentKind;
export const FORMATS: readonly Format[] = ['pdf', 'docx', 'txt'];

export interface Rendering {
  corpusCv: CorpusCv;
  layout: Layout;
  format: Format;
  file: string;
  bytes: Buffer;
}

// Plain text has no layout: one rendering, of the classic layout's reading order.
const TEXT_LAYOUT: Layout = 'classic';

export function renderingsWanted(corpus: CorpusCv[], layouts: readonly Layout[], formats: readonly Format[]) {
  return corpus.flatMap((corpusCv) => layouts.flatMap((layout) => formats.filter((format) => format !== 'txt' || layout === TEXT_LAYOUT).map((format) => ({ corpusCv, layout, format }))));
}

async function bytesOf(corpusCv: CorpusCv, layout: Layout, format: Format, pdf: () => Promise<PdfRenderer>): Promise<Buffer> {
  const document = cvDocument(corpusCv.cv, corpusCv.lang);
  switch (format) {
    case 'pdf':
      return (await pdf()).render(renderHtml(document, layout));
    case 'docx':
      return renderDocx(document, layout);
    case 'txt':
      return Buffer.from(renderText(document), 'utf8');
  }
}

/** Renders and writes each wanted document; Chromium is started only when a PDF is wanted. */
export async function renderAll(wanted: ReturnType<typeof renderingsWanted>, dir: string, pdf: () => Promise<PdfRenderer>, lanes = 3): Promise<Rendering[]> {
  return mapLimit(wanted, lanes, async ({ corpusCv, layout, format }) => {
    const bytes = await bytesOf(corpusCv, layout, format, pdf);
    const file = path.join(dir, `${corpusCv.name}.${layout}.${format}`);
    await writeFile(file, bytes);
    return { corpusCv, layout, format, file, bytes };
  });
}

/** One file to extract and the CV it states, whoever laid it out. */
export interface EvalDocument {
  /** The corpus CV's name (ours) or the document's file name without extension (others'). */
  name: string;
  origin: Origin;
  /** `ours` for the project's renderers, else the folder under others/. */
  family: string;
  /** Our renderer's layout, or the family for others' documents. */
  layout: string;
  format: Format;
  truth: Cv;
  bytes: Buffer;
}

export const fromRendering = ({ corpusCv, layout, format, bytes }: Rendering): EvalDocument => ({
  name: corpusCv.name,
  origin: corpusCv.origin,
  family: OUR_FAMILY,
  layout,
  format,
  truth: corpusCv.cv,
  bytes,
});

export const fromOthers = ({ family, name, format, truth }: OtherDocument, bytes: Buffer): EvalDocument => ({ name, origin: 'others', family, layout: family, format, truth, bytes });
