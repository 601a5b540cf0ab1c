import type { LatexCv, TexEntry } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { columnsTex, detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// europasscv (Giacomo Mazzamuto, Debian texlive-latex-extra): the 2013 Europass CV, written as
// its template does: \ecvname, \ecvaddress, \ecvmobile, \ecvemail, \ecvhomepage, then inside
// the europasscv environment \ecvpersonalinfo, \ecvsection per section, \ecvtitle{dates}{what}
// for dated entries and \ecvitem{label}{text} for everything else, bullets in ecvitemize.

const CLASS_LANGUAGE: Record<LatexCv['lang'], string> = { en: 'english', de: 'german', fr: 'french', es: 'spanish', he: 'english', zh: 'english' };

function entryTex(entry: TexEntry): string[] {
  if (entry.kind === 'line') {
    return [String.raw`\ecvitem{${tex(entry.line.label ?? '')}}{${tex(entry.line.text)}}`, ...entry.more.map((line) => String.raw`\ecvitem{}{${lineTex(line)}}`)];
  }
  const details = detailsTex(entry.lines, entry.groups, 'ecvitemize');
  const detailItem = details ? [String.raw`\ecvitem{}{${details}}`] : [];
  if (entry.columns) return [String.raw`\ecvtitle{${tex(entry.when ?? '')}}{${columnsTex(entry.columns)}}`, ...detailItem];
  if (entry.title === undefined && entry.subtitle === undefined) return detailItem;
  const organisation = [entry.subtitle, entry.where]
    .filter((part): part is string => part !== undefined)
    .map(tex)
    .join(', ');
  return [
    String.raw`\ecvtitle{${tex(entry.when ?? '')}}{${tex(entry.title ?? entry.subtitle ?? '')}}`,
    ...(entry.title !== undefined && organisation ? [String.raw`\ecvitem{}{${organisation}}`] : []),
    ...detailItem,
  ];
}

function personalData(cv: LatexCv): string[] {
  const lines = [String.raw`\ecvname{${tex(cv.name)}}`];
  if (cv.location) lines.push(String.raw`\ecvaddress{${tex(cv.location)}}`);
  if (cv.phone) lines.push(String.raw`\ecvmobile{${tex(cv.phone)}}`);
  if (cv.email) lines.push(String.raw`\ecvemail{${tex(cv.email)}}`);
  const [homepage, ...others] = cv.links;
  if (homepage) lines.push(String.raw`\ecvhomepage{${tex(homepage)}}`);
  // Further addresses and labelled details go where Europass puts instant messaging and the like.
  for (const link of others) lines.push(String.raw`\ecvim{}{${tex(link)}}`);
  for (const extra of cv.extras) lines.push(String.raw`\ecvim{${tex(extra.label ?? '')}}{${tex(extra.text)}}`);
  return lines;
}

export const EUROPASSCV: TexClass = {
  family: 'latex-europasscv',
  about: {
    title: 'europasscv (Giacomo Mazzamuto), the 2013 Europass CV',
    debianPackage: 'texlive-latex-extra',
    licence: 'LPPL 1.3',
    file: 'europasscv/europasscv.cls',
    usage: String.raw`\documentclass[<language>]{europasscv}, \ecvname/\ecvaddress/\ecvmobile/\ecvemail/\ecvhomepage/\ecvim, \begin{europasscv}, \ecvpersonalinfo, \ecvsection, \ecvtitle{dates}{title}, \ecvitem{label}{text}, ecvitemize`,
  },
  cvs: ['senior-software-engineer', 'mechanical-engineer', 'marketing-manager', 'employer-first'],
  render: (cv) => ({
    main: [
      String.raw`\documentclass[${CLASS_LANGUAGE[cv.lang]},a4paper]{europasscv}`,
      languagePreamble(cv),
      ...personalData(cv),
      runningHeaderPreamble(cv),
      String.raw`\begin{document}`,
      String.raw`\begin{europasscv}`,
      String.raw`\ecvpersonalinfo`,
      ...(cv.headline ? [String.raw`\ecvitem{}{\ecvhighlight{${tex(cv.headline)}}}`] : []),
      ...(cv.tagline ? [String.raw`\ecvitem{}{${tex(cv.tagline)}}`] : []),
      ...cv.sections.flatMap((section) => [String.raw`\ecvsection{${tex(section.title)}}`, ...section.entries.flatMap(entryTex)]),
      String.raw`\end{europasscv}`,
      String.raw`\end{document}`,
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
};
