import type { CvDocument, Entry, Line, Section } from './cv-document';

// The classic layout as a plain-text CV, the way people paste one into a form: capitalised
// headings, "•" bullets, a blank line between entries.

const lineText = (line: Line) => (line.label === undefined ? (line.quote ? `“${line.text}”` : line.text) : `${line.label}: ${line.text}`);

function entryText(entry: Entry): string[] {
  if (entry.kind === 'line') return [lineText(entry.line), ...entry.more.map(lineText)];
  const rest = [entry.subtitle, entry.where].filter((part): part is string => part !== undefined).join(', ');
  const head = entry.title === undefined ? rest : rest ? `${entry.title}, ${rest}` : entry.title;
  return [
    ...(head ? [head] : []),
    ...(entry.when === undefined ? [] : [entry.when]),
    ...entry.lines.map(lineText),
    ...entry.groups.flatMap((group) => [...(group.label === undefined ? [] : [`${group.label}:`]), ...group.items.map((item) => `• ${item}`)]),
  ];
}

export function renderText(document: CvDocument): string {
  const header = [document.name, document.headline, document.tagline, document.contact.map(lineText).join(' · ')].filter((part): part is string => Boolean(part));
  // One-line entries (skills, languages) sit line under line; jobs and degrees get a blank line between them.
  const entries = (section: Section) => section.entries.map((entry) => entryText(entry).join('\n')).join(section.entries.every((entry) => entry.kind === 'line') ? '\n' : '\n\n');
  const sections = document.sections.map((section) => [section.title.toLocaleUpperCase(document.lang), '', entries(section)].join('\n'));
  return `${[header.join('\n'), ...sections].join('\n\n\n')}\n`;
}
