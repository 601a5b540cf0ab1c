import { readFileSync } from 'node:fs';
import type { Cv } from '@r2w/cv-schema';
import { scoredFacts } from '../metrics';
import { droppedSummary } from '../render-others/family-files';
import type { TexClass } from './classes/types';

/** A document as written: its truth and the CV's values its PDF does not print. */
export interface Rendered {
  texClass: TexClass;
  name: string;
  truth: Cv;
  dropped: string[];
}

const TEXMF = '/usr/share/texlive/texmf-dist/tex/latex';

function classVersion(file: string): string {
  try {
    const source = readFileSync(`${TEXMF}/${file}`, 'utf8');
    const provides = /\\Provides(?:Class|Package)\{[^}]+\}\s*\[\s*%?\s*([^\]]*)\]/.exec(source);
    return provides?.[1]?.replace(/%/g, '').replace(/\s+/g, ' ').trim() ?? 'no version line';
  } catch {
    return 'file not found';
  }
}

function truthOfTheCv(texClass: TexClass): string {
  return `each CV's .tex is written from the eval's document model (cv-document.ts, so every fact of the
truth is printed), compiled twice (\`pdflatex\` or \`xelatex\` \`-interaction=nonstopmode -halt-on-error main.tex\`,
with \`SOURCE_DATE_EPOCH\` fixed so re-runs are byte-identical), and \`<cv>.truth.json\` is the CV the
document was written from (backend/eval/extraction/corpus/ or latex/cvs/).

| document | truth from |
|---|---|
${texClass.cvs.map((name) => `| ${name}.pdf | ${name} |`).join('\n')}
`;
}

function printedTruthOf(documents: readonly Rendered[]): string {
  return `each CV's .tex is written from the eval's document model (cv-document.ts) with the class's own
commands, compiled twice (\`pdflatex\` or \`xelatex\` \`-interaction=nonstopmode -halt-on-error main.tex\`,
with \`SOURCE_DATE_EPOCH\` fixed so re-runs are byte-identical). \`<cv>.truth.json\` is the CV the
document was written from (backend/eval/extraction/corpus/ or latex/cvs/) kept
to the values the PDF prints, as render-others/printed-truth.ts reads them with poppler's
\`pdftotext\` (not pdf.js, which the extractor uses): a value is true when the page prints it as a
word or phrase, dates and ranges as printed; what the class leaves out, garbles or hyphenates across
lines is listed below.

| document | truth from | true facts | not printed, left out of the truth |
|---|---|---|---|
${documents.map((document) => `| ${document.name}.pdf | ${document.name} | ${scoredFacts(document.truth).length} | ${droppedSummary(document.dropped)} |`).join('\n')}
`;
}

/** SOURCES.md of a LaTeX family: the class, its licence and version, and how the files were made. */
export function sourcesMd(texClass: TexClass, texLive: string, documents: readonly Rendered[]): string {
  const { title, debianPackage, licence, file, usage } = texClass.about;
  return `# ${texClass.family}

Documents laid out by the LaTeX class **${title}**, as packaged by Debian (\`${debianPackage}\`,
\`${TEXMF}/${file}\`: ${classVersion(file)}). Licence: ${licence}. The class's own
commands place every part of the CV: ${usage}.

Made with ${texLive} (Debian bookworm's TeX Live 2022) by
\`npm run eval:render-latex -- --family ${texClass.family}\` (backend/eval/extraction/latex/render-latex.ts):
${texClass.truth === 'printed' ? printedTruthOf(documents) : truthOfTheCv(texClass)}`;
}
