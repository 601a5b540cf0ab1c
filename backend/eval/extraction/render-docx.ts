import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { CvDocument, Entry, Line, Section } from './cv-document';
import type { Layout } from './render-html';

// The three layouts of render-html.ts in Word's terms: (classic) Title, Heading 1 headings
// and list bullets; (sidebar) a borderless two-column table; (modern) headings that are
// only bold coloured runs, and dates pushed right with a right-aligned tab stop.

type Block = Paragraph | Table;
type ItemEntry = Extract<Entry, { kind: 'item' }>;

// A4 with 1.8 cm margins, in twentieths of a point.
const PAGE_WIDTH = 11_906;
const MARGIN = 1_020;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SIDEBAR_WIDTH = Math.round(CONTENT_WIDTH * 0.32);

interface Frame {
  font: string;
  heading(section: Section, writer: Writer): Paragraph;
  head(entry: ItemEntry, writer: Writer): Paragraph[];
  body(document: CvDocument, writer: Writer): Block[];
}

/** Paragraphs in the document's direction: Hebrew paragraphs and runs are right-to-left. */
class Writer {
  constructor(private readonly rtl: boolean) {}

  run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
    return new TextRun({ text, rightToLeft: this.rtl, ...options });
  }

  paragraph(children: TextRun[], options: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'> = {}): Paragraph {
    return new Paragraph({ children, bidirectional: this.rtl, ...options });
  }

  line(line: Line): Paragraph {
    if (line.quote) return this.paragraph([this.run(`“${line.text}”`, { italics: true })]);
    return this.paragraph(line.label === undefined ? [this.run(line.text)] : [this.run(`${line.label}: `, { bold: true }), this.run(line.text)]);
  }

  entry(entry: Entry, frame: Frame): Paragraph[] {
    if (entry.kind === 'line') return [this.line(entry.line), ...entry.more.map((line) => this.line(line))];
    const groups = entry.groups.flatMap((group) => [
      ...(group.label === undefined ? [] : [this.paragraph([this.run(group.label, { bold: true })])]),
      ...group.items.map((text) => this.paragraph([this.run(text)], { bullet: { level: 0 } })),
    ]);
    return [...frame.head(entry, this), ...entry.lines.map((line) => this.line(line)), ...groups, this.paragraph([])];
  }

  sections(sections: Section[], frame: Frame): Paragraph[] {
    return sections.flatMap((section) => [frame.heading(section, this), ...section.entries.flatMap((entry) => this.entry(entry, frame))]);
  }

  nameBlock(document: CvDocument, nameOptions: { heading?: typeof HeadingLevel.TITLE; size?: number; color?: string }): Paragraph[] {
    const name = nameOptions.heading
      ? this.paragraph([this.run(document.name)], { heading: nameOptions.heading })
      : this.paragraph([this.run(document.name, { bold: true, size: nameOptions.size, color: nameOptions.color })]);
    return [
      name,
      ...(document.headline === undefined ? [] : [this.paragraph([this.run(document.headline, { size: 26 })])]),
      ...(document.tagline === undefined ? [] : [this.paragraph([this.run(document.tagline, { italics: true })])]),
    ];
  }
}

const joinHead = (...parts: (string | undefined)[]) => parts.filter((part): part is string => part !== undefined).join(', ');
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const ACCENT = 'B5482F';

const FRAMES: Record<Layout, Frame> = {
  classic: {
    font: 'Liberation Serif',
    heading: (section, writer) => writer.paragraph([writer.run(section.title)], { heading: HeadingLevel.HEADING_1 }),
    head: (entry, writer) => {
      const rest = joinHead(entry.subtitle, entry.where);
      const runs = [...(entry.title === undefined ? [] : [writer.run(entry.title, { bold: true })]), ...(rest ? [writer.run(entry.title === undefined ? rest : `, ${rest}`)] : [])];
      return [...(runs.length > 0 ? [writer.paragraph(runs)] : []), ...(entry.when === undefined ? [] : [writer.paragraph([writer.run(entry.when, { italics: true })])])];
    },
    body: (document, writer) => [
      ...writer.nameBlock(document, { heading: HeadingLevel.TITLE }),
      writer.paragraph([writer.run(document.contact.map((line) => (line.label ? `${line.label}: ${line.text}` : line.text)).join(' · '))]),
      ...writer.sections(document.sections, FRAMES.classic),
    ],
  },
  sidebar: {
    font: 'DejaVu Sans',
    heading: (section, writer) => writer.paragraph([writer.run(section.title)], { heading: HeadingLevel.HEADING_2 }),
    head: (entry, writer) => [
      ...(entry.title === undefined ? [] : [writer.paragraph([writer.run(entry.title, { bold: true })])]),
      ...[[entry.subtitle, entry.when].filter((part) => part !== undefined).join(' | '), entry.where ?? ''].filter(Boolean).map((text) => writer.paragraph([writer.run(text, { color: '4A5A68' })])),
    ],
    body: (document, writer) => {
      const contactHeading = writer.paragraph([writer.run(document.contactTitle)], { heading: HeadingLevel.HEADING_2 });
      const side = [
        contactHeading,
        ...document.contact.map((line) => writer.line(line)),
        ...writer.sections(
          document.sections.filter((section) => section.side),
          FRAMES.sidebar,
        ),
      ];
      const main = [
        ...writer.nameBlock(document, { size: 44, color: '24435E' }),
        ...writer.sections(
          document.sections.filter((section) => !section.side),
          FRAMES.sidebar,
        ),
      ];
      const cell = (children: Paragraph[], width: number, fill?: string) =>
        new TableCell({
          children,
          width: { size: width, type: WidthType.DXA },
          margins: { top: 120, bottom: 120, left: 140, right: 140 },
          ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
        });
      // Word has no start/end columns: a right-to-left document's sidebar still comes first, and Word draws the row from the right.
      const table = new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: [SIDEBAR_WIDTH, CONTENT_WIDTH - SIDEBAR_WIDTH],
        borders: NO_BORDERS,
        visuallyRightToLeft: document.dir === 'rtl',
        rows: [new TableRow({ children: [cell(side, SIDEBAR_WIDTH, 'EEF2F5'), cell(main, CONTENT_WIDTH - SIDEBAR_WIDTH)] })],
      });
      return [table];
    },
  },
  modern: {
    font: 'Liberation Sans',
    heading: (section, writer) => writer.paragraph([writer.run(section.title, { bold: true, smallCaps: true, color: ACCENT, size: 26, underline: {} })], { spacing: { before: 240, after: 80 } }),
    head: (entry, writer) => {
      // The page's far edge, whichever direction the paragraph runs.
      const tabStops = [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }];
      const row = (left: TextRun | undefined, right: string | undefined) =>
        left === undefined && right === undefined ? [] : [writer.paragraph([...(left ? [left] : []), ...(right === undefined ? [] : [writer.run(`\t${right}`, { color: '555555' })])], { tabStops })];
      return [
        ...row(entry.title === undefined ? undefined : writer.run(entry.title, { bold: true }), entry.when),
        ...row(entry.subtitle === undefined ? undefined : writer.run(entry.subtitle, { italics: true }), entry.where),
      ];
    },
    body: (document, writer) => [
      ...writer.nameBlock(document, { size: 52, color: ACCENT }),
      ...document.contact.map((line) => writer.paragraph([writer.run(line.label ? `${line.label}: ${line.text}` : line.text, { size: 18 })], { alignment: AlignmentType.END })),
      ...writer.sections(document.sections, FRAMES.modern),
    ],
  },
};

export async function renderDocx(document: CvDocument, layout: Layout): Promise<Buffer> {
  const frame = FRAMES[layout];
  const writer = new Writer(document.dir === 'rtl');
  const section: ISectionOptions = {
    properties: { page: { size: { width: PAGE_WIDTH, height: 16_838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
    children: frame.body(document, writer),
  };
  const doc = new Document({
    creator: document.name,
    title: document.name,
    styles: { default: { document: { run: { font: frame.font, size: 21 } } } },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}
