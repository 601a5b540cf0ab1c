import type { Group } from '../../cv-document';
import type { LatexCv, TexEntry } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { columnsTex, detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// harnon-cv (William Hart, 2012; Debian texlive-latex-extra): a timeline CV. Each dated entry
// is a \timelineitem: its dates in a narrow left column with a grey rule running to a vertical
// bar, the entry to the right of the bar as a sub-header, a call-out and bullets
// (\addtimelinebullet). Written as the class's example (github.com/mecharius/latex-timelineCV)
// is: \yourname, \youremail, \yourwebsite, \yournumber, \youraddress and \recenthistory in the
// preamble, \maketitle, then per section \addheadertext and \starttimeline … \stoptimeline;
// undated lines as the class's \listitem call-outs. The class loads graphicx with [pdftex], so
// it compiles with pdfLaTeX only.

type ItemEntry = Extract<TexEntry, { kind: 'item' }>;

function bulletsTex(groups: Group[]): string[] {
  return groups.flatMap((group) => [
    ...(group.label === undefined ? [] : [String.raw`\addcallout{${tex(group.label)}}\par`]),
    ...group.items.map((item) => String.raw`\addtimelinebullet{${tex(item)}}`),
  ]);
}

function entryTex(entry: ItemEntry): string {
  const lead = entry.title ?? entry.subtitle;
  const organisation = [entry.title === undefined ? undefined : entry.subtitle, entry.where].filter((part): part is string => part !== undefined);
  const head = entry.columns
    ? [String.raw`\addsubheader{${columnsTex(entry.columns)}}`]
    : [...(lead === undefined ? [] : [String.raw`\addsubheader{${tex(lead)}}`]), ...(organisation.length > 0 ? [String.raw`\addcallout{${organisation.map(tex).join(', ')}}\par`] : [])];
  const content = [...head, ...entry.lines.map((line) => `${lineTex(line)}\\par`), ...bulletsTex(entry.groups)].join('\n');
  return String.raw`\timelineitem{${tex(entry.when ?? '')}}{${content}}`;
}

// Each item ends 1 cm higher than it ends (\vspace{-1cm}): the class puts a \timelinespacer
// between two items, which continues the bar and makes up for it.
function timelineTex(items: ItemEntry[]): string[] {
  if (items.length === 0) return [];
  return [String.raw`\starttimeline`, items.map(entryTex).join(`\n${String.raw`\timelinespacer`}\n`), String.raw`\stoptimeline`];
}

function lineEntryTex(entry: Extract<TexEntry, { kind: 'line' }>): string {
  const more = entry.more.map((line) => String.raw`\newline{}${lineTex(line)}`).join('');
  return entry.line.label === undefined ? String.raw`\item ${tex(entry.line.text)}${more}` : String.raw`\listitem{${tex(entry.line.label)}} ${tex(entry.line.text)}${more}`;
}

function sectionTex(title: string, entries: TexEntry[]): string[] {
  // A text with no head and no dates (a profile) is a paragraph, not a point on the timeline.
  const paragraphs = entries.filter((entry): entry is ItemEntry => entry.kind === 'item' && entry.when === undefined && entry.title === undefined && entry.subtitle === undefined && !entry.columns);
  const items = entries.filter((entry): entry is ItemEntry => entry.kind === 'item' && !paragraphs.includes(entry));
  const lines = entries.filter((entry): entry is Extract<TexEntry, { kind: 'line' }> => entry.kind === 'line');
  return [
    String.raw`\addheadertext{${tex(title)}}`,
    ...paragraphs.map((entry) => `${detailsTex(entry.lines, entry.groups)}\\par`),
    ...timelineTex(items),
    ...(lines.length > 0 ? [String.raw`\begin{itemize}`, ...lines.map(lineEntryTex), String.raw`\end{itemize}`] : []),
  ];
}

function personalData(cv: LatexCv): string[] {
  const lines = [String.raw`\yourname{${tex(cv.name)}}`];
  const [website, ...links] = cv.links;
  // The class sets the address with \url, which takes it as typed; only TeX's grouping characters would break it.
  if (website) lines.push(String.raw`\yourwebsite{${website.replace(/[\\{}%#]/g, '')}}`);
  if (cv.phone) lines.push(String.raw`\yournumber{${tex(cv.phone)}}`);
  // The address block on the right takes the place and any further contact lines. The e-mail
  // goes there too: the class's \youremail prints a stray "l" before it (a typo in its title).
  const address = [cv.location, cv.email, ...links]
    .filter((part): part is string => part !== undefined)
    .map(tex)
    .concat(cv.extras.map(lineTex));
  if (address.length > 0) lines.push(String.raw`\youraddress{${address.join(String.raw`\\ \hfill{}`)}}`);
  const history = [cv.headline && String.raw`\addcallout{${tex(cv.headline)}}`, cv.tagline && tex(cv.tagline)].filter(Boolean);
  if (history.length > 0) lines.push(String.raw`\recenthistory{${history.join(String.raw`\\ `)}}`);
  return lines;
}

export const HARNON_CV: TexClass = {
  family: 'latex-harnon-cv',
  about: {
    title: 'harnon-cv (William Hart, 2012), a timeline CV',
    debianPackage: 'texlive-latex-extra',
    licence: 'public domain (stated in the class file)',
    file: 'harnon-cv/harnon-cv.cls',
    usage: String.raw`\documentclass{harnon-cv}, \yourname/\yourwebsite/\yournumber/\youraddress/\recenthistory, \maketitle, \addheadertext per section, \starttimeline, \timelineitem{dates}{\addsubheader{title} \addcallout{organisation} \addtimelinebullet{…}}, \stoptimeline, \listitem{label} for undated lines`,
  },
  cvs: ['senior-software-engineer', 'mechanical-engineer', 'finance-executive', 'new-graduate'],
  truth: 'printed',
  render: (cv) => ({
    main: [
      String.raw`\documentclass{harnon-cv}`,
      languagePreamble(cv),
      ...personalData(cv),
      runningHeaderPreamble(cv),
      String.raw`\begin{document}`,
      String.raw`\maketitle`,
      ...cv.sections.flatMap((section) => sectionTex(section.title, section.entries)),
      String.raw`\end{document}`,
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
};
