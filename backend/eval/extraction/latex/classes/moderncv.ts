import type { Group } from '../../cv-document';
import type { LatexCv, TexEntry, TexSection } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { columnsTex, detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// moderncv (Xavier Danaux, Debian texlive-latex-extra), written as its template.tex does:
// \name, \title, \address, \phone, \email, \homepage, \social, \extrainfo in the preamble,
// \makecvtitle, then \section with \cventry for dated entries, \cvitem for labelled lines,
// \cvlistitem for bullets and \cvitemwithcomment for languages.

export const MODERNCV_STYLES = ['classic', 'casual', 'banking', 'oldstyle', 'fancy'] as const;
export type ModerncvStyle = (typeof MODERNCV_STYLES)[number];

const SOCIAL_SITES = ['linkedin', 'github', 'gitlab', 'twitter', 'orcid', 'researchgate', 'stackoverflow'];

function personalData(cv: LatexCv): string {
  const lines = [String.raw`\name{${tex(cv.firstName)}}{${tex(cv.lastName)}}`];
  if (cv.headline) lines.push(String.raw`\title{${tex(cv.headline)}}`);
  if (cv.location) lines.push(String.raw`\address{${tex(cv.location)}}{}{}`);
  if (cv.phone) lines.push(String.raw`\phone[mobile]{${tex(cv.phone)}}`);
  if (cv.email) lines.push(String.raw`\email{${tex(cv.email)}}`);
  const others: string[] = [];
  for (const link of cv.links) {
    const site = SOCIAL_SITES.find((name) => link.toLowerCase().includes(name));
    const target = /^https?:/.test(link) ? link : `https://${link.split(' ')[0]}`;
    if (site) lines.push(String.raw`\social[${site}][${tex(target)}]{${tex(link)}}`);
    else others.push(link);
  }
  const [homepage, ...rest] = others;
  if (homepage) lines.push(String.raw`\homepage{${tex(homepage)}}`);
  const extra = [...rest.map(tex), ...cv.extras.map(lineTex)];
  if (extra.length > 0) lines.push(String.raw`\extrainfo{${extra.join(String.raw` \\ `)}}`);
  if (cv.tagline) lines.push(String.raw`\quote{${tex(cv.tagline)}}`);
  return lines.join('\n');
}

function groupItems(group: Group): string[] {
  const label = group.label === undefined ? [] : [String.raw`\cvitem{}{\textbf{${tex(group.label)}}}`];
  return [...label, ...group.items.map((item) => String.raw`\cvlistitem{${tex(item)}}`)];
}

function entryTex(entry: TexEntry, section: TexSection): string[] {
  if (entry.kind === 'line') {
    const head =
      section.key === 'languages' && entry.line.label !== undefined
        ? String.raw`\cvitemwithcomment{${tex(entry.line.label)}}{${tex(entry.line.text)}}{}`
        : String.raw`\cvitem{${tex(entry.line.label ?? '')}}{${tex(entry.line.text)}}`;
    return [head, ...entry.more.map((line) => String.raw`\cvitem{}{${lineTex(line)}}`)];
  }
  if (entry.columns) {
    return [String.raw`\cvitem{${tex(entry.when ?? '')}}{${columnsTex(entry.columns)}}`, ...entry.lines.map((line) => String.raw`\cvitem{}{${lineTex(line)}}`), ...entry.groups.flatMap(groupItems)];
  }
  if (entry.title === undefined && entry.subtitle === undefined) {
    return [...entry.lines.map((line) => String.raw`\cvitem{}{${lineTex(line)}}`), ...entry.groups.flatMap(groupItems)];
  }
  const args = [entry.when, entry.title, entry.subtitle, entry.where, undefined].map((value) => `{${tex(value ?? '')}}`).join('');
  return [String.raw`\cventry${args}{${detailsTex(entry.lines, entry.groups)}}`];
}

function body(cv: LatexCv): string {
  return cv.sections.map((section) => [String.raw`\section{${tex(section.title)}}`, ...section.entries.flatMap((entry) => entryTex(entry, section))].join('\n')).join('\n\n');
}

function moderncv(style: ModerncvStyle, cvs: readonly string[]): TexClass {
  return {
    family: `latex-moderncv-${style}`,
    about: {
      title: `moderncv, style "${style}"`,
      debianPackage: 'texlive-latex-extra',
      licence: 'LPPL 1.3c',
      file: 'moderncv/moderncv.cls',
      usage: String.raw`\documentclass[11pt,a4paper,sans]{moderncv}, \moderncvstyle{${style}}, \moderncvcolor{blue}; \name/\title/\address/\phone/\email/\social/\homepage/\extrainfo, \makecvtitle, \section, \cventry, \cvitem, \cvlistitem, \cvitemwithcomment`,
    },
    cvs,
    render: (cv) => ({
      main: [
        String.raw`\documentclass[11pt,a4paper,sans]{moderncv}`,
        String.raw`\moderncvstyle{${style}}`,
        String.raw`\moderncvcolor{blue}`,
        languagePreamble(cv),
        String.raw`\usepackage[scale=0.77]{geometry}`,
        personalData(cv),
        runningHeaderPreamble(cv),
        String.raw`\begin{document}`,
        String.raw`\makecvtitle`,
        body(cv),
        String.raw`\end{document}`,
        '',
      ]
        .filter(Boolean)
        .join('\n'),
    }),
  };
}

/** One family per style: the styles place the name, dates and entry parts differently. */
export const MODERNCV: TexClass[] = [
  moderncv('classic', ['new-graduate', 'senior-software-engineer', 'marketing-manager', 'seasons-graduate']),
  moderncv('casual', ['data-analyst', 'registered-nurse', 'dash-ranges']),
  moderncv('banking', ['finance-executive', 'teacher-to-ux-designer', 'employer-first', 'software-engineer']),
  moderncv('oldstyle', ['mechanical-engineer', 'humanitarian-logistics', 'new-graduate']),
  moderncv('fancy', ['brand-designer', 'academic-professor', 'senior-software-engineer']),
];
