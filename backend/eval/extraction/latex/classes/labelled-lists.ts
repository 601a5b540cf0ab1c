import type { LatexCv, TexEntry } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { columnsTex, detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// Classes whose CV is a list per section with a label column on the left (the dates, or a
// skill's category): curve's rubrics, currvita's cvlists, simplecv's topics. They differ in
// how a list opens and an item is written; an entry's text is the same in all three.

/** What stands in an entry's label column, and what follows it. */
export function labelledEntry(entry: TexEntry): { label: string; text: string } {
  if (entry.kind === 'line') {
    const more = entry.more.map(lineTex);
    return { label: tex(entry.line.label ?? ''), text: [tex(entry.line.text), ...more].join(String.raw`\newline{}`) };
  }
  const details = detailsTex(entry.lines, entry.groups);
  const head = entry.columns
    ? columnsTex(entry.columns)
    : [entry.title && String.raw`\textbf{${tex(entry.title)}}`, entry.subtitle && String.raw`\emph{${tex(entry.subtitle)}}`, entry.where && tex(entry.where)].filter(Boolean).join(', ');
  return { label: tex(entry.when ?? ''), text: [head, details].filter(Boolean).join('\n\\par\n') };
}

/** The contact block most of these CVs put under the name: one line per detail. */
export function contactLines(cv: LatexCv): string[] {
  return [cv.headline, cv.tagline, cv.location, cv.phone, cv.email, ...cv.links]
    .filter((value): value is string => Boolean(value))
    .map(tex)
    .concat(cv.extras.map(lineTex));
}

const document = (preamble: string[], body: string[]) => [...preamble, String.raw`\begin{document}`, ...body, String.raw`\end{document}`, ''].join('\n');

const currvita: TexClass = {
  family: 'latex-currvita',
  about: {
    title: 'currvita (Axel Reichert), on the article class',
    debianPackage: 'texlive-latex-extra',
    licence: 'GPL (Debian texlive-latex-extra, /usr/share/doc/texlive-latex-extra/Licenses.gz)',
    file: 'currvita/currvita.sty',
    usage: String.raw`\usepackage{currvita}; \begin{cv}{name}, \begin{cvlist}{section} with \item[dates] entries`,
  },
  cvs: ['registered-nurse', 'mechanical-engineer', 'seasons-graduate', 'product-manager'],
  render: (cv) => ({
    main: document(
      // bidi (polyglossia's right-to-left support) must come after the packages it adapts.
      [
        String.raw`\documentclass[a4paper,11pt]{article}`,
        String.raw`\usepackage[margin=2cm]{geometry}`,
        String.raw`\usepackage[LabelsAligned]{currvita}`,
        runningHeaderPreamble(cv),
        languagePreamble(cv),
      ],
      [
        String.raw`\begin{cv}{${tex(cv.name)}}`,
        contactLines(cv).join(String.raw`\\` + '\n'),
        ...cv.sections.flatMap((section) => [
          String.raw`\begin{cvlist}{${tex(section.title)}}`,
          ...section.entries.map((entry) => {
            const { label, text } = labelledEntry(entry);
            return String.raw`\item[${label}] ${text}`;
          }),
          String.raw`\end{cvlist}`,
        ]),
        String.raw`\end{cv}`,
      ],
    ),
  }),
};

const simplecv: TexClass = {
  family: 'latex-simplecv',
  about: {
    title: "simplecv (derived from Didier Verna's CurVe)",
    debianPackage: 'texlive-latex-extra',
    licence: 'LPPL 1.2 or later',
    file: 'simplecv/simplecv.cls',
    usage: String.raw`\documentclass{simplecv}, \leftheader/\rightheader/\title, \maketitle, \section, \begin{topic} with \item[dates] entries`,
  },
  cvs: ['teacher-to-ux-designer', 'data-analyst', 'employer-first'],
  render: (cv) => {
    const contact = contactLines(cv);
    const half = Math.ceil(contact.length / 2);
    return {
      main: document(
        [
          String.raw`\documentclass[a4paper,11pt]{simplecv}`,
          String.raw`\usepackage[margin=2cm]{geometry}`,
          languagePreamble(cv),
          String.raw`\title{${tex(cv.name)}}`,
          String.raw`\leftheader{${contact.slice(0, half).join(String.raw`\\`)}}`,
          String.raw`\rightheader{${contact.slice(half).join(String.raw`\\`)}}`,
          runningHeaderPreamble(cv),
        ],
        [
          String.raw`\maketitle`,
          ...cv.sections.flatMap((section) => [
            String.raw`\section{${tex(section.title)}}`,
            String.raw`\begin{topic}`,
            ...section.entries.map((entry) => {
              const { label, text } = labelledEntry(entry);
              return String.raw`\item[${label}] ${text}`;
            }),
            String.raw`\end{topic}`,
          ]),
        ],
      ),
    };
  },
};

// CurVe keeps each rubric in a file of its own, pulled in with \makerubric, as its manual does.
const rubricFile = (index: number) => `rubric${index + 1}`;

const curve: TexClass = {
  family: 'latex-curve',
  about: {
    title: 'CurVe (Didier Verna)',
    debianPackage: 'texlive-latex-extra',
    licence: 'LPPL 1.1 or later',
    file: 'curve/curve.cls',
    usage: String.raw`\documentclass{curve}, \leftheader/\rightheader, \title/\subtitle, \makeheaders, \maketitle, one file per rubric (\begin{rubric}{section} with \entry*[dates]) read by \makerubric`,
  },
  cvs: ['brand-designer', 'humanitarian-logistics', 'dash-ranges'],
  render: (cv) => {
    const contact = [cv.location, cv.phone, cv.email, ...cv.links]
      .filter((value): value is string => Boolean(value))
      .map(tex)
      .concat(cv.extras.map(lineTex));
    const half = Math.ceil(contact.length / 2);
    const inputs = Object.fromEntries(
      cv.sections.map((section, index) => [
        `${rubricFile(index)}.tex`,
        [
          String.raw`\begin{rubric}{${tex(section.title)}}`,
          ...section.entries.map((entry) => {
            const { label, text } = labelledEntry(entry);
            return label ? String.raw`\entry*[${label}] ${text}` : String.raw`\entry*[] ${text}`;
          }),
          String.raw`\end{rubric}`,
          '',
        ].join('\n'),
      ]),
    );
    const titles = [String.raw`\title{${tex(cv.name)}}`, cv.headline ? String.raw`\subtitle{${tex(cv.headline)}}` : ''];
    return {
      main: document(
        [
          String.raw`\documentclass[a4paper,11pt]{curve}`,
          String.raw`\usepackage[margin=2cm]{geometry}`,
          languagePreamble(cv),
          String.raw`\leftheader{${contact.slice(0, half).join(String.raw`\\`)}}`,
          String.raw`\rightheader{${contact.slice(half).join(String.raw`\\`)}}`,
          ...titles.filter(Boolean),
          runningHeaderPreamble(cv),
        ],
        [String.raw`\makeheaders[c]`, String.raw`\maketitle`, ...(cv.tagline ? [tex(cv.tagline)] : []), ...cv.sections.map((_, index) => String.raw`\makerubric{${rubricFile(index)}}`)],
      ),
      inputs,
    };
  },
};

export const LABELLED_LISTS: TexClass[] = [currvita, simplecv, curve];
