import type { CvDocument, Entry, Group, Line, Section } from './cv-document';

// Three CV layouts as HTML for Chromium to print. They share the drawing of sections,
// entries, lines and bullets; a layout is its frame (where the header, the sidebar and
// the sections go), how an entry's head is arranged, and its stylesheet.

export const LAYOUTS = ['classic', 'sidebar', 'modern'] as const;
export type Layout = (typeof LAYOUTS)[number];

type ItemEntry = Extract<Entry, { kind: 'item' }>;

interface Frame {
  css: string;
  head(entry: ItemEntry): string;
  body(document: CvDocument): string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const tag = (name: string, className: string, content: string) => (content ? `<${name} class="${className}">${content}</${name}>` : '');
const optional = (text: string | undefined, wrap: (escaped: string) => string) => (text === undefined ? '' : wrap(escapeHtml(text)));

function lineHtml(line: Line): string {
  const label = optional(line.label, (label) => `<span class="label">${label}:</span> `);
  return line.quote ? `<p class="quote">“${escapeHtml(line.text)}”</p>` : `<p class="line">${label}${escapeHtml(line.text)}</p>`;
}

function groupHtml(group: Group): string {
  const items = group.items.map((text) => `<li>${escapeHtml(text)}</li>`).join('');
  return `${optional(group.label, (label) => `<p class="group-label">${label}</p>`)}<ul>${items}</ul>`;
}

function entryHtml(entry: Entry, frame: Frame): string {
  if (entry.kind === 'line') return `<div class="entry line-entry">${lineHtml(entry.line)}${entry.more.map(lineHtml).join('')}</div>`;
  return `<div class="entry">${frame.head(entry)}${entry.lines.map(lineHtml).join('')}${entry.groups.map(groupHtml).join('')}</div>`;
}

function sectionsHtml(sections: Section[], frame: Frame): string {
  return sections.map((section) => `<section class="${section.key}"><h2>${escapeHtml(section.title)}</h2>${section.entries.map((entry) => entryHtml(entry, frame)).join('')}</section>`).join('');
}

function nameBlock(document: CvDocument): string {
  return `<h1>${escapeHtml(document.name)}</h1>${optional(document.headline, (text) => `<p class="headline">${text}</p>`)}${optional(document.tagline, (text) => `<p class="tagline">${text}</p>`)}`;
}

const BASE_CSS = `
  @page { size: A4; margin: 16mm 17mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-size: 10.5pt; line-height: 1.35; color: #1d1d1f; }
  h1 { margin: 0; font-weight: 700; }
  h2 { margin: 14pt 0 6pt; }
  p { margin: 0 0 2pt; }
  ul { margin: 2pt 0 4pt; padding-inline-start: 16pt; }
  li { margin-bottom: 1.5pt; }
  .entry { margin-bottom: 7pt; break-inside: avoid; }
  .label { font-weight: 600; }
  .group-label { font-weight: 600; margin-top: 3pt; }
  .quote { font-style: italic; }
`;

const FRAMES: Record<Layout, Frame> = {
  // One column: a large name, the title, one contact line, capitalised headings over a rule.
  classic: {
    css: `
      body { font-family: 'Liberation Serif', 'DejaVu Serif', serif; }
      header { text-align: center; margin-bottom: 6pt; }
      h1 { font-size: 24pt; letter-spacing: 0.5pt; }
      .headline { font-size: 13pt; }
      .tagline { font-style: italic; }
      .contact { margin-top: 4pt; font-size: 10pt; }
      h2 { font-size: 12pt; text-transform: uppercase; letter-spacing: 1pt; border-bottom: 1px solid #333; padding-bottom: 2pt; }
      .when { font-style: italic; color: #444; }
    `,
    head: (entry) =>
      tag('p', 'head', [optional(entry.title, (title) => `<strong>${title}</strong>`), optional(entry.subtitle, (text) => text), optional(entry.where, (text) => text)].filter(Boolean).join(', ')) +
      optional(entry.when, (text) => `<p class="when">${text}</p>`),
    body: (document) =>
      `<header>${nameBlock(document)}${tag('p', 'contact', document.contact.map((line) => escapeHtml(line.label ? `${line.label}: ${line.text}` : line.text)).join(' · '))}</header>` +
      sectionsHtml(document.sections, FRAMES.classic),
  },
  // A shaded sidebar with contact, skills, languages and hobbies; everything else in the main column.
  sidebar: {
    css: `
      body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
      .grid { display: grid; grid-template-columns: 32% 1fr; gap: 16pt; }
      aside { background: #eef2f5; padding: 12pt 10pt; }
      aside h2 { font-size: 10.5pt; color: #24435e; margin-top: 10pt; }
      aside .line-entry .label { display: block; }
      aside .line { overflow-wrap: anywhere; }
      main h1 { font-size: 22pt; color: #24435e; }
      main .headline { font-size: 12pt; color: #4a5a68; margin-bottom: 6pt; }
      main h2 { font-size: 12.5pt; color: #24435e; }
      .sub { color: #4a5a68; }
    `,
    head: (entry) =>
      optional(entry.title, (title) => `<p class="head"><strong>${title}</strong></p>`) +
      tag('p', 'sub', [optional(entry.subtitle, (text) => text), optional(entry.when, (text) => text)].filter(Boolean).join(' | ')) +
      optional(entry.where, (text) => `<p class="sub">${text}</p>`),
    body: (document) => {
      const contact = `<section class="contact"><h2>${escapeHtml(document.contactTitle)}</h2>${document.contact.map(lineHtml).join('')}</section>`;
      const side = document.sections.filter((section) => section.side);
      const main = document.sections.filter((section) => !section.side);
      return `<div class="grid"><aside>${contact}${sectionsHtml(side, FRAMES.sidebar)}</aside><main><header>${nameBlock(document)}</header>${sectionsHtml(main, FRAMES.sidebar)}</main></div>`;
    },
  },
  // Coloured small-caps headings, dates flush right on the title's line, the organisation on a line of its own.
  modern: {
    css: `
      body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; }
      header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #b5482f; padding-bottom: 6pt; }
      h1 { font-size: 26pt; color: #b5482f; }
      .headline { font-size: 12pt; font-weight: 600; }
      .contact { text-align: end; font-size: 9pt; }
      h2 { font-size: 13pt; font-variant: small-caps; color: #b5482f; text-decoration: underline; text-underline-offset: 3pt; }
      .row { display: flex; justify-content: space-between; gap: 12pt; }
      .row .when, .row .where { white-space: nowrap; color: #555; }
      .org { font-style: italic; }
      .label { font-variant: small-caps; }
    `,
    head: (entry) =>
      tag('div', 'row', optional(entry.title, (title) => `<strong>${title}</strong>`) + optional(entry.when, (text) => `<span class="when">${text}</span>`)) +
      tag('div', 'row', optional(entry.subtitle, (text) => `<span class="org">${text}</span>`) + optional(entry.where, (text) => `<span class="where">${text}</span>`)),
    body: (document) => `<header><div>${nameBlock(document)}</div><div class="contact">${document.contact.map(lineHtml).join('')}</div></header>` + sectionsHtml(document.sections, FRAMES.modern),
  },
};

export function renderHtml(document: CvDocument, layout: Layout): string {
  const frame = FRAMES[layout];
  return `<!doctype html><html lang="${document.lang}" dir="${document.dir}"><head><meta charset="utf-8"><title>${escapeHtml(document.name)}</title><style>${BASE_CSS}${frame.css}</style></head><body>${frame.body(document)}</body></html>`;
}
