import type { Group } from '../../cv-document';
import type { LatexCv, TexEntry, TexSection } from '../model';
import { languagePreamble, runningHeaderPreamble } from '../preamble';
import { detailsTex, lineTex, tex } from '../tex';
import type { TexClass } from './types';

// ReadableCV (Philip Stone, 2021; Debian texlive-latex-extra), on memoir: a right-aligned
// header with the name, the job title and contact details behind marvosym icons (\Mobilefone,
// \Letter, \Mundus), coloured Roboto Thin headings over a rule, skills in a three-column grid
// (\addSkills, nine cells), each job a \newRole (dates in a 3 cm column, title over company,
// a "Role outline" paragraph) followed by \roleResponsibilities (up to five) and
// \roleAchievements (up to six), courses and degrees as \newCourse{date}{title}{body}. The
// commands take a fixed number of bullets: a CV with more has them left out, as a person using
// the class leaves them out, so the truth is what the PDF prints.

const SKILL_CELLS = 9;
const RESPONSIBILITIES = 5;
const ACHIEVEMENTS = 6;

/** A command taking exactly `count` arguments, the unused ones empty (the class skips them). */
function fixedArguments(command: string, values: string[], count: number): string {
  const cells = [...values.slice(0, count), ...Array<string>(Math.max(0, count - values.length)).fill('')];
  return `\\${command}${cells.map((cell) => `{${cell}}`).join('')}`;
}

function chunks<T>(values: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, index) => values.slice(index * size, (index + 1) * size));
}

function roleBullets(groups: Group[]): string[] {
  const responsibilities = groups.find((group) => group.label === undefined);
  const achievements = groups.find((group) => group.label !== undefined);
  const rest = groups.filter((group) => group !== responsibilities && group !== achievements);
  return [
    ...(responsibilities ? [fixedArguments('roleResponsibilities', responsibilities.items.map(tex), RESPONSIBILITIES)] : []),
    ...(achievements ? [fixedArguments('roleAchievements', achievements.items.map(tex), ACHIEVEMENTS)] : []),
    ...rest.map((group) => detailsTex([], [group])),
  ];
}

const organisation = (entry: Extract<TexEntry, { kind: 'item' }>) =>
  [entry.subtitle, entry.where]
    .filter((part): part is string => part !== undefined)
    .map(tex)
    .join(', ');

function itemTex(entry: Extract<TexEntry, { kind: 'item' }>, section: TexSection): string[] {
  if (section.key === 'experience' && entry.title !== undefined) {
    const outline = entry.lines.map(lineTex).join(String.raw`\newline{}`);
    return [String.raw`\newRole{${tex(entry.when ?? '')}}{${tex(entry.title)}}{${organisation(entry)}}{${outline}}`, ...roleBullets(entry.groups)];
  }
  const details = detailsTex(entry.lines, entry.groups);
  const lead = entry.title ?? entry.subtitle;
  if (lead === undefined) return [String.raw`\noindent ${details}\par`];
  const body = entry.title === undefined ? (entry.where ? tex(entry.where) : '') : organisation(entry);
  // \newCourse always prints its body in parentheses; with none, its row is written out without them.
  const head = body
    ? String.raw`\newCourse{${tex(entry.when ?? '')}}{${tex(lead)}}{${body}}{}`
    : String.raw`\begin{tabular}{@{}p{3cm} l}\textbf{${tex(entry.when ?? '')}} & \textbf{${tex(lead)}}\\\end{tabular}`;
  return [head, ...(details ? [`${details}\\par`] : [])];
}

function sectionTex(section: TexSection): string[] {
  const heading = String.raw`\newHeading{${tex(section.title)}}{}`;
  // Short labelled lines (skills, languages, interests) fill the class's grid, nine cells a call.
  if (section.side && section.entries.every((entry) => entry.kind === 'line')) {
    const cells = section.entries.flatMap((entry) => (entry.kind === 'line' ? [[lineTex(entry.line), ...entry.more.map(lineTex)].join(String.raw`\newline{}`)] : []));
    return [heading, ...chunks(cells, SKILL_CELLS).map((chunk) => fixedArguments('addSkills', chunk, SKILL_CELLS))];
  }
  return [
    heading,
    ...section.entries.flatMap((entry) =>
      entry.kind === 'line' ? [String.raw`\noindent ${[lineTex(entry.line), ...entry.more.map(lineTex)].join(String.raw`\newline{}`)}\par`] : itemTex(entry, section),
    ),
  ];
}

function personalData(cv: LatexCv): string[] {
  const lines = [String.raw`\setYourName{${tex(cv.name)}}`];
  if (cv.headline) lines.push(String.raw`\setYourJobTitle{${tex(cv.headline)}}`);
  if (cv.phone) lines.push(String.raw`\setYourMobileNo{${tex(cv.phone)}}`);
  if (cv.email) lines.push(String.raw`\setYourEmailAddr{${tex(cv.email)}}`);
  const [website] = cv.links;
  if (website) lines.push(String.raw`\setYourWebAddr{${tex(website)}}`);
  return lines;
}

/** What the class's header has no place for, right-aligned under it as its users add it. */
function moreContact(cv: LatexCv): string[] {
  const more = [cv.location, ...cv.links.slice(1)]
    .filter((part): part is string => part !== undefined)
    .map(tex)
    .concat(cv.extras.map(lineTex));
  return [...(more.length > 0 ? [String.raw`\begin{flushright}${more.join(String.raw`\\`)}\end{flushright}`] : []), ...(cv.tagline ? [String.raw`\noindent\emph{${tex(cv.tagline)}}\par`] : [])];
}

export const READABLECV: TexClass = {
  family: 'latex-readablecv',
  about: {
    title: 'ReadableCV 3.0 (Philip Stone, 2021/01/09), on memoir',
    debianPackage: 'texlive-latex-extra',
    licence: 'LPPL 1.3 or later (stated in the class file)',
    file: 'readablecv/ReadableCV.cls',
    usage: String.raw`\documentclass[a4paper]{ReadableCV}, \setYourName/\setYourJobTitle/\setYourMobileNo/\setYourEmailAddr/\setYourWebAddr, \showHeader, \newHeading{section}{}, \addSkills (nine cells), \newRole{dates}{title}{company}{outline}, \roleResponsibilities (five), \roleAchievements (six), \newCourse{date}{title}{body}{}`,
  },
  cvs: ['marketing-manager', 'data-analyst', 'registered-nurse', 'teacher-to-ux-designer', 'humanitarian-logistics'],
  truth: 'printed',
  render: (cv) => ({
    main: [
      String.raw`\documentclass[a4paper]{ReadableCV}`,
      languagePreamble(cv),
      ...personalData(cv),
      runningHeaderPreamble(cv),
      String.raw`\begin{document}`,
      String.raw`\showHeader`,
      ...moreContact(cv),
      ...cv.sections.flatMap(sectionTex),
      String.raw`\end{document}`,
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
};
