import path from 'node:path';
import { OPEN_GRAPH_IMAGE, type OpenGraphCard } from '@r2w/portfolio-task';
import sharp from 'sharp';

// The share image a site's og:image points at: the template's background, an accent bar,
// the photo in a circle (when there is one) and the name and headline beside it. The text
// is set in Liberation Sans, which ships inside pdfjs-dist (already here, for reading PDFs):
// the API's image has no system fonts, and a font named by file draws the same everywhere.
// Letters Liberation Sans lacks (Hebrew, Arabic, CJK) come from the machine's fonts, if any.

const FONT_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
const BOLD = { family: 'Liberation Sans Bold', file: path.join(FONT_DIR, 'LiberationSans-Bold.ttf') };
const REGULAR = { family: 'Liberation Sans', file: path.join(FONT_DIR, 'LiberationSans-Regular.ttf') };

const { width: WIDTH, height: HEIGHT } = OPEN_GRAPH_IMAGE;
const MARGIN = 90;
const BAR = 20;
const PHOTO = 340;
const RING = 8;
const GAP = 28;
const SMALLEST_TEXT = 32;

/** Pango markup is XML: the CV's text goes in as text, never as markup. */
function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type TextBlock = { data: Buffer; width: number; height: number };

async function drawText(text: string, font: typeof BOLD, colour: string, size: number, width: number, align: 'left' | 'right'): Promise<TextBlock> {
  const { data, info } = await sharp({
    text: { text: `<span foreground="${colour}">${escapeMarkup(text)}</span>`, font: `${font.family} ${size}`, fontfile: font.file, width, dpi: 72, rgba: true, wrap: 'word-char', align },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Text wrapped at `width`, at the first of `sizes` (pixels) whose block is at most `maxHeight` tall; at the last, cut there. */
async function textBlock(text: string, font: typeof BOLD, colour: string, sizes: readonly number[], width: number, maxHeight: number, align: 'left' | 'right'): Promise<TextBlock> {
  const [size = SMALLEST_TEXT, ...smaller] = sizes;
  const block = await drawText(text, font, colour, size, width, align);
  if (block.height <= maxHeight) return block;
  if (smaller.length > 0) return textBlock(text, font, colour, smaller, width, maxHeight, align);
  // Even the smallest size is too tall (a very long name): what fits is shown.
  return { data: await sharp(block.data).extract({ left: 0, top: 0, width: block.width, height: maxHeight }).png().toBuffer(), width: block.width, height: maxHeight };
}

async function circlePhoto(photo: Buffer, ring: string): Promise<Buffer> {
  const outer = PHOTO + 2 * RING;
  const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO}" height="${PHOTO}"><circle cx="${PHOTO / 2}" cy="${PHOTO / 2}" r="${PHOTO / 2}"/></svg>`);
  const round = await sharp(photo)
    .resize(PHOTO, PHOTO, { fit: 'cover' })
    .composite([{ input: mask, blend: 'dest-in' }])
    .png()
    .toBuffer();
  const disc = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${outer}" height="${outer}"><circle cx="${outer / 2}" cy="${outer / 2}" r="${outer / 2}" fill="${ring}"/></svg>`);
  return sharp(disc)
    .composite([{ input: round, top: RING, left: RING }])
    .png()
    .toBuffer();
}

/** The 1200×630 PNG for a site's og:image and twitter:image. */
export async function drawOpenGraphImage(card: OpenGraphCard, photo: Buffer | null): Promise<Buffer> {
  const { colours } = card;
  const textLeft = photo ? MARGIN + PHOTO + 2 * RING + 70 : MARGIN + BAR;
  const textWidth = WIDTH - textLeft - MARGIN;
  const align = card.dir === 'rtl' ? 'right' : 'left';
  const name = await textBlock(card.name, BOLD, colours.text, [72, 60, 48], textWidth, 250, align);
  const headline = card.headline ? await textBlock(card.headline, REGULAR, colours.muted, [38, 32], textWidth, 160, align) : null;
  const rule = { width: 96, height: 8 };

  const textHeight = name.height + GAP + rule.height + (headline ? GAP + headline.height : 0);
  let top = Math.round((HEIGHT - textHeight) / 2);
  const layers: sharp.OverlayOptions[] = [{ input: { create: { width: BAR, height: HEIGHT, channels: 4, background: colours.accent } }, top: 0, left: 0 }];
  if (photo) layers.push({ input: await circlePhoto(photo, colours.accent), top: Math.round((HEIGHT - PHOTO) / 2) - RING, left: MARGIN });
  const at = (width: number) => (align === 'right' ? textLeft + textWidth - width : textLeft);
  layers.push({ input: name.data, top, left: at(name.width) });
  top += name.height + GAP;
  layers.push({ input: { create: { ...rule, channels: 4, background: colours.accent } }, top, left: at(rule.width) });
  top += rule.height + GAP;
  if (headline) layers.push({ input: headline.data, top, left: at(headline.width) });

  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 4, background: colours.background } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
