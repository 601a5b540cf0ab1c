import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { drawOpenGraphImage, facesFor } from '../../src/photos/open-graph-image';

const COLOURS = { background: '#ffffff', text: '#000000', muted: '#555555', accent: '#1f4fd1' };

/** Where the ink is, right of the accent bar: the bounding box of what is not background. */
async function inkBox(png: Buffer) {
  const area = await sharp(png).extract({ left: 40, top: 0, width: 1160, height: 630 }).toBuffer();
  const { info } = await sharp(area).trim({ background: COLOURS.background }).toBuffer({ resolveWithObject: true });
  return { left: 40 - (info.trimOffsetLeft ?? 0), width: info.width, height: info.height };
}

describe('the share image', () => {
  it('is 1200×630 however long the name and headline, which stay inside it', async () => {
    const png = await drawOpenGraphImage(
      { name: 'Maximiliana Alexandrovna Konstantinopoulou-Vanderbilt de la Fuente y Sánchez', headline: 'Principal '.repeat(40), dir: 'ltr', colours: COLOURS },
      null,
    );
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    const ink = await inkBox(png);
    expect(ink.left + ink.width).toBeLessThanOrEqual(1200 - 60);
    expect(ink.height).toBeLessThan(630);
  });

  it('sets right-to-left names against the right edge', async () => {
    const png = await drawOpenGraphImage({ name: 'דנה לוי', headline: 'מהנדסת', dir: 'rtl', colours: COLOURS }, null);
    const ink = await inkBox(png);
    expect(ink.left).toBeGreaterThan(600);
  });

  it('picks fonts that have every letter: Liberation Sans for Latin, Greek and Cyrillic, Noto Sans for Hebrew and Arabic, none for other scripts', () => {
    const family = (text: string) => facesFor(text)?.bold.family ?? null;
    expect(family('Zoë Ångström-Łukasik')).toBe('Liberation Sans Bold');
    expect(family('Δανάη Παππά')).toBe('Liberation Sans Bold');
    expect(family('Анна Петрова')).toBe('Liberation Sans Bold');
    expect(family('דנה לוי (Dana Levi)')).toBe('Noto Sans Hebrew Bold');
    expect(family('ليلى حداد')).toBe('Noto Sans Arabic Bold');
    expect(family('李明')).toBeNull();
    expect(family('דנה ليلى')).toBeNull();
    for (const faces of [facesFor('a'), facesFor('א'), facesFor('ع')]) for (const face of Object.values(faces!)) expect(existsSync(face.file)).toBe(true);
  });

  it('draws Arabic names too, and leaves off text no font of ours can draw rather than drawing boxes', async () => {
    const arabic = await drawOpenGraphImage({ name: 'ليلى حداد', headline: 'مهندسة', dir: 'rtl', colours: COLOURS }, null);
    expect((await inkBox(arabic)).left).toBeGreaterThan(600);
    const chinese = await drawOpenGraphImage({ name: '李明', headline: '工程师', dir: 'ltr', colours: COLOURS }, null);
    // Only the accent rule is left beside the bar: 96 px wide.
    expect(await inkBox(chinese)).toMatchObject({ width: 96 });
  });

  it('takes < and & in a name as text, not markup', async () => {
    const png = await drawOpenGraphImage({ name: 'A <b>&amp; B', headline: null, dir: 'ltr', colours: COLOURS }, null);
    expect((await inkBox(png)).width).toBeGreaterThan(200);
  });
});
