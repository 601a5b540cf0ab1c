import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { ExtractionError } from '../errors';
import type { DocumentText } from './document-text';
import { unpackDocx } from './docx-archive';
import { assembleDocument, type DraftLine } from './text-lines';

const MAMMOTH_OPTIONS = {
  styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
  // Images are not text; leaving them unread also keeps photos out of the HTML.
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  // A DOCX can link images by path or URL; an upload must never make us read either.
  externalFileAccess: false,
};

// DOCX has no geometry, so lines get the spacing an 11 pt document would have: a line
// pitch, a little more between paragraphs, more again before a heading.
const LINE_PITCH = 14;
const PARAGRAPH_GAP = 6;
const HEADING_GAP = 14;
const BODY_FONT_SIZE = 11;
const HEADING_FONT_SIZES = [20, 16, 14];
const SMALL_HEADING_FONT_SIZE = 12;

/** The text lines of a DOCX, after the archive passed the zip-bomb checks. */
export async function docxText(file: Buffer): Promise<DocumentText> {
  const safeCopy = await unpackDocx(file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: safeCopy }, MAMMOTH_OPTIONS)).value;
  } catch (error) {
    throw new ExtractionError('FILE_CORRUPT', true, { cause: error });
  }
  return assembleDocument('docx', 1, htmlLines(html));
}

type BlockKind = 'paragraph' | 'heading' | 'item';

interface Block {
  kind: BlockKind;
  headingLevel?: number;
  runs: { text: string; bold: boolean; italic: boolean }[];
  /** The block continues the previous line (after a <br>) rather than starting a paragraph. */
  continued: boolean;
}

const HEADING_TAG = /^h([1-6])$/;
const BOLD_TAGS = new Set(['strong', 'b']);
const ITALIC_TAGS = new Set(['em', 'i']);
// Tags that end whatever line is being collected. Table cells count: mammoth puts their
// paragraphs in <p>, but text straight inside a cell must not run into the next cell.
const BLOCK_TAGS = new Set(['p', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table']);

/**
 * mammoth's HTML as lines: one per paragraph, heading, list item or <br>-separated piece,
 * and one per table row whose cells each hold a single plain paragraph ("BSc | Computer
 * Science | 2019 – 2022"), its cells separated by tabs. A row with a cell of several
 * paragraphs is a layout table (a sidebar beside the main text): its paragraphs stay lines.
 */
export function htmlLines(html: string): DraftLine[] {
  const lines: DraftLine[] = [];
  let block: Block | undefined;
  let bold = 0;
  let italic = 0;
  let y = 0;
  let previousKind: BlockKind | undefined;
  // The open table rows, innermost last: each cell's finished blocks wait here until the row ends.
  const rows: Block[][][] = [];

  const emit = ({ kind, headingLevel, runs, continued }: Block): void => {
    if (previousKind) {
      const startsParagraph = !continued && !(kind === 'item' && previousKind === 'item');
      y += LINE_PITCH + (kind === 'heading' ? HEADING_GAP : 0) + (startsParagraph ? PARAGRAPH_GAP : 0);
    }
    previousKind = kind;
    const inked = runs.filter((run) => run.text.trim());
    lines.push({
      text: runs.map((run) => run.text).join(''),
      page: 1,
      x: 0,
      y,
      width: 0,
      fontSize: headingLevel === undefined ? BODY_FONT_SIZE : (HEADING_FONT_SIZES[headingLevel - 1] ?? SMALL_HEADING_FONT_SIZE),
      bold: inked.every((run) => run.bold),
      italic: inked.every((run) => run.italic),
      column: 0,
      ...(headingLevel === undefined ? {} : { headingLevel }),
      listItem: kind === 'item',
    });
  };
  const deliver = (finished: Block): void => {
    const cell = rows.at(-1)?.at(-1);
    if (cell) cell.push(finished);
    else emit(finished);
  };
  const flush = (): void => {
    const finished = block;
    block = undefined;
    if (finished?.runs.some((run) => run.text.trim())) deliver(finished);
  };
  const endRow = (): void => {
    const cells = rows.pop() ?? [];
    const filled = cells.filter((cell) => cell.length > 0);
    const oneLine = filled.length >= 2 && filled.every((cell) => cell.length === 1 && cell[0]!.kind === 'paragraph');
    if (!oneLine) {
      filled.flat().forEach(deliver);
      return;
    }
    const separator = { text: '\t', bold: false, italic: false };
    deliver({ kind: 'paragraph', continued: false, runs: filled.flatMap((cell, index) => [...(index > 0 ? [separator] : []), ...cell[0]!.runs]) });
  };
  const open = (kind: BlockKind, headingLevel?: number): void => {
    flush();
    block = { kind, runs: [], continued: false, ...(headingLevel === undefined ? {} : { headingLevel }) };
  };

  const parser = new Parser({
    onopentag(name) {
      const heading = HEADING_TAG.exec(name);
      if (heading) open('heading', Number(heading[1]));
      else if (name === 'li') open('item');
      else if (name === 'p') open('paragraph');
      else if (BLOCK_TAGS.has(name)) {
        flush();
        if (name === 'tr') rows.push([]);
        else if (name === 'td' || name === 'th') rows.at(-1)?.push([]);
      } else if (BOLD_TAGS.has(name)) bold += 1;
      else if (ITALIC_TAGS.has(name)) italic += 1;
      else if (name === 'br' && block) {
        const { kind, headingLevel } = block;
        open(kind, headingLevel);
        block!.continued = true;
      }
    },
    ontext(text) {
      block ??= { kind: 'paragraph', runs: [], continued: false };
      block.runs.push({ text, bold: bold > 0, italic: italic > 0 });
    },
    onclosetag(name) {
      if (HEADING_TAG.test(name) || BLOCK_TAGS.has(name)) {
        flush();
        if (name === 'tr') endRow();
      } else if (BOLD_TAGS.has(name)) bold -= 1;
      else if (ITALIC_TAGS.has(name)) italic -= 1;
    },
  });
  parser.write(html);
  parser.end();
  flush();
  return lines;
}
