import { readFileSync } from 'node:fs';
import type { TexClass } from './classes/types';

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

/** SOURCES.md of a LaTeX family: the class, its licence and version, and how the files were made. */
export function sourcesMd(texClass: TexClass, texLive: string): string {
  const { title, debianPackage, licence, file, usage } = texClass.about;
  return `# ${texClass.family}

Documents laid out by the LaTeX class **${title}**, as packaged by Debian (\`${debianPackage}\`,
\`${TEXMF}/${file}\`: ${classVersion(file)}). Licence: ${licence}. The class's own
commands place every part of the CV: ${usage}.

Made with ${texLive} (Debian bookworm's TeX Live 2022) by
\`npm run eval:render-latex -- --family ${texClass.family}\` (backend/eval/extraction/latex/render-latex.ts):
each CV's .tex is written from the eval's document model (cv-document.ts, so every fact of the
truth is printed), compiled twice (\`pdflatex\` or \`xelatex\` \`-interaction=nonstopmode -halt-on-error main.tex\`,
with \`SOURCE_DATE_EPOCH\` fixed so re-runs are byte-identical), and \`<cv>.truth.json\` is the CV the
document was written from (backend/eval/extraction/corpus/ or latex/cvs/).

| document | truth from |
|---|---|
${texClass.cvs.map((name) => `| ${name}.pdf | ${name} |`).join('\n')}
`;
}
