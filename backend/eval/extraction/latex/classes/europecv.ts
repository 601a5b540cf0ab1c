import type { LatexCv, TexEntry } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { columnsTex, detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// europecv (Nicola Vitacolonna and Giuseppe Silano, Debian texlive-latex-extra): the older Europass CV, one
// longtable with a right-aligned left column and a rule between the columns. Written as its
// manual's example is: \ecvname, \ecvaddress, \ecvtelephone, \ecvemail, \ecvhomepage, then in
// the europecv environment \ecvpersonalinfo, \ecvsection (whose title stands in the left
// column), and \ecvitem{dates or label}{text} for every line.

const CLASS_LANGUAGE: Record<LatexCv['lang'], string> = { en: 'english', de: 'german', fr: 'french', es: 'spanish', he: 'english', zh: 'english' };

function entryTex(entry: TexEntry): string[] {
  if (entry.kind === 'line') return [String.raw`\ecvitem{${tex(entry.line.label ?? '')}}{${tex(entry.line.text)}}`, ...entry.more.map((line) => String.raw`\ecvitem{}{${lineTex(line)}}`)];
  const details = detailsTex(entry.lines, entry.groups);
  const detailItem = details ? [String.raw`\ecvitem{}{${details}}`] : [];
  if (entry.columns) return [String.raw`\ecvitem{${tex(entry.when ?? '')}}{${columnsTex(entry.columns)}}`, ...detailItem];
  if (entry.title === undefined && entry.subtitle === undefined) return [String.raw`\ecvitem{${tex(entry.when ?? '')}}{${details}}`];
  const organisation = [entry.subtitle, entry.where]
    .filter((part): part is string => part !== undefined)
    .map(tex)
    .join(', ');
  const head = entry.title !== undefined ? String.raw`\textbf{${tex(entry.title)}}${organisation ? String.raw`\newline{}${organisation}` : ''}` : organisation;
  return [String.raw`\ecvitem{${tex(entry.when ?? '')}}{${head}}`, ...detailItem];
}

function personalData(cv: LatexCv): string[] {
  const lines = [String.raw`\ecvname{${tex(cv.name)}}`];
  if (cv.location) lines.push(String.raw`\ecvaddress{${tex(cv.location)}}`);
  if (cv.phone) lines.push(String.raw`\ecvtelephone{${tex(cv.phone)}}`);
  if (cv.email) lines.push(String.raw`\ecvemail{${tex(cv.email)}}`);
  const [homepage] = cv.links;
  if (homepage) lines.push(String.raw`\ecvhomepage{${tex(homepage)}}`);
  return lines;
}

export const EUROPECV: TexClass = {
  family: 'latex-europecv',
  about: {
    title: 'europecv (Nicola Vitacolonna and Giuseppe Silano), the Europass CV as it was before 2013',
    debianPackage: 'texlive-latex-extra',
    licence: 'LPPL 1.3 (stated in the class file)',
    file: 'europecv/europecv.cls',
    usage: String.raw`\documentclass[<language>,nologo,noflag]{europecv}, \ecvname/\ecvaddress/\ecvtelephone/\ecvemail/\ecvhomepage, \begin{europecv}, \ecvpersonalinfo, \ecvsection (title in the left column), \ecvitem{dates or label}{text}`,
  },
  cvs: ['data-analyst', 'finance-executive', 'registered-nurse', 'new-graduate', 'humanitarian-logistics'],
  render: (cv) => ({
    main: [
      String.raw`\documentclass[${CLASS_LANGUAGE[cv.lang]},nologo,noflag,a4paper]{europecv}`,
      String.raw`\usepackage[margin=2cm]{geometry}`,
      languagePreamble(cv),
      // The class loads hyperref at \begin{document}, which TeX Live 2022's hook order refuses; loaded in the preamble, as users of the class do, its load there is a no-op.
      String.raw`\usepackage{hyperref}`,
      ...personalData(cv),
      runningHeaderPreamble(cv),
      String.raw`\begin{document}`,
      String.raw`\begin{europecv}`,
      String.raw`\ecvpersonalinfo`,
      // Further addresses and labelled details below the personal data, as the class's users add them.
      ...cv.links.slice(1).map((link) => String.raw`\ecvitem{}{${tex(link)}}`),
      ...cv.extras.map((extra) => String.raw`\ecvitem{${tex(extra.label ?? '')}}{${tex(extra.text)}}`),
      ...(cv.headline ? [String.raw`\ecvitem{}{\textbf{${tex(cv.headline)}}}`] : []),
      ...(cv.tagline ? [String.raw`\ecvitem{}{${tex(cv.tagline)}}`] : []),
      ...cv.sections.flatMap((section) => [String.raw`\ecvsection{${tex(section.title)}}`, ...section.entries.flatMap(entryTex)]),
      String.raw`\end{europecv}`,
      String.raw`\end{document}`,
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
};
