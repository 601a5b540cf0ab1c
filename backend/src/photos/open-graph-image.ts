import path from 'node:path';
import { OPEN_GRAPH_IMAGE, type OpenGraphCard } from '@r2w/portfolio-task';
import sharp from 'sharp';

// The share image a site's og:image points at: the template's background, an accent bar,
// the photo in a circle (when there is one) and the name and headline beside it. Text is set
// in fonts named by file, because the API's image has no system fonts (a letter no given
// font has would be drawn as a box): Liberation Sans, which ships inside pdfjs-dist (already
// here, for reading PDFs), for Latin, Greek and Cyrillic, and Noto Sans Hebrew or Arabic
// (pinned npm packages, OFL; each has Latin too) for text in those scripts. Text in any
// other script is left off the image; the page's og:title still carries it.

type Face = { family: string; file: string };
type Faces = { bold: Face; regular: Face };

const PDFJS_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
const noto = (script: 'Hebrew' | 'Arabic'): Faces => {
  const dir = path.dirname(require.resolve(`@expo-google-fonts/noto-sans-${script.toLowerCase()}/package.json`));
  const face = (weight: string, style: string) => ({ family: `Noto Sans ${script} ${style}`, file: path.join(dir, weight, `NotoSans${script}_${weight}.ttf`) });
  return { bold: face('700Bold', 'Bold'), regular: face('400Regular', 'Regular') };
};
const LIBERATION: Faces = {
  bold: { family: 'Liberation Sans Bold', file: path.join(PDFJS_FONTS, 'LiberationSans-Bold.ttf') },
  regular: { family: 'Liberation Sans', file: path.join(PDFJS_FONTS, 'LiberationSans-Regular.ttf') },
};
const BY_SCRIPT: [RegExp, Faces][] = [
  [/\p{Script=Hebrew}/u, noto('Hebrew')],
  [/\p{Script=Arabic}/u, noto('Arabic')],
];
const LIBERATION_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

/** The fonts that draw every letter of `text`, or null when none of ours does. */
export function facesFor(text: string): Faces | null {
  const other = text.replace(/[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/gu, '');
  const scripts = BY_SCRIPT.filter(([script]) => script.test(other));
  if (scripts.length === 1) return other.replace(new RegExp(scripts[0]![0].source, 'gu'), '') === '' ? scripts[0]![1] : null;
  return scripts.length === 0 && LIBERATION_SCRIPTS.test(other) ? LIBERATION : null;
}

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

async function drawText(text: string, font: Face, colour: string, size: number, width: number, align: 'left' | 'right'): Promise<TextBlock> {
  const { data, info } = await sharp({
    text: { text: `<span foreground="${colour}">${escapeMarkup(text)}</span>`, font: `${font.family} ${size}`, fontfile: font.file, width, dpi: 72, rgba: true, wrap: 'word-char', align },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Text wrapped at `width`, at the first of `sizes` (pixels) whose block is at most `maxHeight` tall; at the last, cut there. */
async function textBlock(text: string, font: Face, colour: string, sizes: readonly number[], width: number, maxHeight: number, align: 'left' | 'right'): Promise<TextBlock> {
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
  const nameFaces = facesFor(card.name);
  const headlineFaces = card.headline ? facesFor(card.headline) : null;
  const name = nameFaces ? await textBlock(card.name, nameFaces.bold, colours.text, [72, 60, 48], textWidth, 250, align) : null;
  const headline = card.headline && headlineFaces ? await textBlock(card.headline, headlineFaces.regular, colours.muted, [38, 32], textWidth, 160, align) : null;
  const rule = { width: 96, height: 8 };

  const textHeight = (name ? name.height + GAP : 0) + rule.height + (headline ? GAP + headline.height : 0);
  let top = Math.round((HEIGHT - textHeight) / 2);
  const layers: sharp.OverlayOptions[] = [{ input: { create: { width: BAR, height: HEIGHT, channels: 4, background: colours.accent } }, top: 0, left: 0 }];
  if (photo) layers.push({ input: await circlePhoto(photo, colours.accent), top: Math.round((HEIGHT - PHOTO) / 2) - RING, left: MARGIN });
  const at = (width: number) => (align === 'right' ? textLeft + textWidth - width : textLeft);
  if (name) {
    layers.push({ input: name.data, top, left: at(name.width) });
    top += name.height + GAP;
  }
  layers.push({ input: { create: { ...rule, channels: 4, background: colours.accent } }, top, left: at(rule.width) });
  top += rule.height + GAP;
  if (headline) layers.push({ input: headline.data, top, left: at(headline.width) });

  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 4, background: colours.background } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
