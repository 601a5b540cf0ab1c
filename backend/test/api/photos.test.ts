import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SITE_IMAGES, siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import { readObjectBytes } from '@r2w/storage';
import sharp from 'sharp';
import request from 'supertest';
import { MAX_PHOTO_BYTES } from '../../src/photos/profile-photo';
import { bearer, registerAccount, type Account } from '../support/accounts';
import { buildAndWait, createSamplePortfolio, importSampleCv, setSlug } from '../support/portfolio-steps';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let owner: Account;
beforeAll(async () => {
  t = createTestApp();
  owner = await registerAccount(t.app);
});
afterAll(() => t.close());

const RED = { r: 220, g: 30, b: 30 };
const BLUE = { r: 30, g: 30, b: 220 };

/** A 900×600 JPEG, red on the left two thirds and blue on the right third, carrying EXIF (a camera and a GPS-like comment). */
function twoColourPhoto(): Promise<Buffer> {
  const blue = { input: { create: { width: 300, height: 600, channels: 3 as const, background: BLUE } }, left: 600, top: 0 };
  return sharp({ create: { width: 900, height: 600, channels: 3, background: RED } })
    .composite([blue])
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Secret Phone', ImageDescription: 'taken at 51.5N 0.1W' } })
    .jpeg()
    .toBuffer();
}

function putPhoto(cvId: string, body: Buffer, { type = 'image/jpeg', query = '', account = owner }: { type?: string; query?: string; account?: Account } = {}) {
  return request(t.app)
    .put(`/api/v1/cvs/${cvId}/photo${query}`)
    .set(...bearer(account.accessToken))
    .set('content-type', type)
    .send(body);
}

const getPhoto = (cvId: string, account = owner) =>
  request(t.app)
    .get(`/api/v1/cvs/${cvId}/photo`)
    .set(...bearer(account.accessToken))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

async function storedPhotos(cvId: string): Promise<string[]> {
  return (await t.container.storage.list(`photos/${cvId}/`)).map((object) => object.key);
}

/** A PNG signature and header (IHDR) for an image of the size given, with the first few pixels only. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

/** The mean colour of an image. */
async function meanColour(image: Buffer) {
  const { channels } = await sharp(image).stats();
  return { r: Math.round(channels[0]!.mean), g: Math.round(channels[1]!.mean), b: Math.round(channels[2]!.mean) };
}

describe('profile photo upload', () => {
  it('keeps the crop, upright, 512×512 as a JPEG without the upload’s metadata, and the CV says it has a photo', async () => {
    const cvId = await importSampleCv(t.app, owner);
    const res = await putPhoto(cvId, await twoColourPhoto(), { query: '?x=600&y=100&width=300&height=300' });
    expect(res.status).toBe(200);
    expect(res.body.cv).toMatchObject({ id: cvId, hasPhoto: true });

    const photo = await getPhoto(cvId);
    expect(photo.status).toBe(200);
    expect(photo.type).toBe('image/jpeg');
    const metadata = await sharp(photo.body as Buffer).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 512, 512]);
    expect(metadata.exif).toBeUndefined();
    expect((photo.body as Buffer).includes('Secret Phone')).toBe(false);
    // The crop was the blue third: nothing of the red is left.
    const colour = await meanColour(photo.body as Buffer);
    expect(colour.b).toBeGreaterThan(180);
    expect(colour.r).toBeLessThan(60);
    expect(await storedPhotos(cvId)).toEqual([expect.stringMatching(new RegExp(`^photos/${cvId}/[0-9a-f-]{36}\\.jpg$`))]);
  });

  it('measures the crop on the photo turned upright by its EXIF orientation, as browsers show it', async () => {
    const cvId = await importSampleCv(t.app, owner);
    // Stored 600×300, red left and blue right, tagged "turn 90° clockwise": shown 300×600, red above blue.
    const sideways = await sharp({ create: { width: 600, height: 300, channels: 3, background: RED } })
      .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: BLUE } }, left: 300, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const res = await putPhoto(cvId, sideways, { query: '?x=0&y=300&width=300&height=300' });
    expect(res.status).toBe(200);
    const colour = await meanColour((await getPhoto(cvId)).body as Buffer);
    expect([colour.b > 180, colour.r < 60]).toEqual([true, true]);
  });

  it('keeps the centred square of a PNG sent without a crop, and a new photo replaces the old one', async () => {
    const cvId = await importSampleCv(t.app, owner);
    expect((await putPhoto(cvId, await twoColourPhoto())).status).toBe(200);
    const first = await storedPhotos(cvId);
    const png = await sharp({ create: { width: 400, height: 800, channels: 4, background: { ...BLUE, alpha: 1 } } })
      .png()
      .toBuffer();
    const res = await putPhoto(cvId, png, { type: 'image/png' });
    expect(res.status).toBe(200);
    const second = await storedPhotos(cvId);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
    expect(await sharp((await getPhoto(cvId)).body as Buffer).metadata()).toMatchObject({ width: 512, height: 512 });
  });

  it('refuses a photo over the size limit with 413 and keeps the photo it had', async () => {
    const cvId = await importSampleCv(t.app, owner);
    expect((await putPhoto(cvId, await twoColourPhoto())).status).toBe(200);
    const before = await storedPhotos(cvId);
    const res = await putPhoto(cvId, Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedPhotos(cvId)).toEqual(before);
    expect((await getPhoto(cvId)).status).toBe(200);
  });

  it('refuses a decompression bomb (a small PNG whose header claims 20,000×20,000 pixels) before decoding it', async () => {
    const cvId = await importSampleCv(t.app, owner);
    const res = await putPhoto(cvId, pngClaiming(20_000, 20_000), { type: 'image/png' });
    expect([res.status, res.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await storedPhotos(cvId)).toEqual([]);
  });

  it('refuses a truncated JPEG, whose header reads but whose pixels do not, with 422 and keeps nothing', async () => {
    const cvId = await importSampleCv(t.app, owner);
    const whole = await twoColourPhoto();
    const res = await putPhoto(cvId, whole.subarray(0, Math.floor(whole.length / 2)));
    expect([res.status, res.body.error.code]).toEqual([422, 'UNPROCESSABLE']);
    expect(await storedPhotos(cvId)).toEqual([]);
  });

  it.each([
    ['text sent as a JPEG', Buffer.from('definitely not a picture'), 'image/jpeg', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a GIF',
      Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1'),
      'image/png',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an empty body', Buffer.alloc(0), 'image/png', 400, 'FILE_EMPTY'],
  ])('refuses %s and keeps nothing', async (_label, body, type, status, code) => {
    const cvId = await importSampleCv(t.app, owner);
    const res = await putPhoto(cvId, body, { type });
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(await storedPhotos(cvId)).toEqual([]);
    expect((await getPhoto(cvId)).status).toBe(404);
  });

  it('refuses a crop outside the photo, or only part of one, with 400', async () => {
    const cvId = await importSampleCv(t.app, owner);
    const outside = await putPhoto(cvId, await twoColourPhoto(), { query: '?x=700&y=0&width=300&height=300' });
    expect([outside.status, outside.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const partial = await putPhoto(cvId, await twoColourPhoto(), { query: '?x=10' });
    expect([partial.status, partial.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await storedPhotos(cvId)).toEqual([]);
  });

  it("answers 404 for another account's CV, and its photo stays", async () => {
    const cvId = await importSampleCv(t.app, owner);
    expect((await putPhoto(cvId, await twoColourPhoto())).status).toBe(200);
    const before = await storedPhotos(cvId);
    const stranger = await registerAccount(t.app);
    const res = await putPhoto(cvId, await twoColourPhoto(), { account: stranger });
    expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await getPhoto(cvId, stranger)).status).toBe(404);
    const removal = await request(t.app)
      .delete(`/api/v1/cvs/${cvId}/photo`)
      .set(...bearer(stranger.accessToken));
    expect(removal.status).toBe(404);
    expect(await storedPhotos(cvId)).toEqual(before);
  });

  it('removes the photo: the CV has none and the file is gone', async () => {
    const cvId = await importSampleCv(t.app, owner);
    expect((await putPhoto(cvId, await twoColourPhoto())).status).toBe(200);
    const res = await request(t.app)
      .delete(`/api/v1/cvs/${cvId}/photo`)
      .set(...bearer(owner.accessToken));
    expect(res.status).toBe(200);
    expect(res.body.cv.hasPhoto).toBe(false);
    expect(await storedPhotos(cvId)).toEqual([]);
    expect((await getPhoto(cvId)).status).toBe(404);
  });

  it('deletes the photo with its CV', async () => {
    const cvId = await importSampleCv(t.app, owner);
    expect((await putPhoto(cvId, await twoColourPhoto())).status).toBe(200);
    const res = await request(t.app)
      .delete(`/api/v1/cvs/${cvId}`)
      .set(...bearer(owner.accessToken));
    expect(res.status).toBe(204);
    expect(await storedPhotos(cvId)).toEqual([]);
  });
});

describe('a site built from a CV with a photo', () => {
  async function buildSite(photo: boolean, settings: Record<string, unknown> = {}) {
    const portfolioId = await createSamplePortfolio(t.app, owner, 'modern');
    const portfolio = await request(t.app)
      .get(`/api/v1/portfolios/${portfolioId}`)
      .set(...bearer(owner.accessToken));
    const { cvId } = portfolio.body.portfolio as { cvId: string };
    if (photo) expect((await putPhoto(cvId, await twoColourPhoto(), { query: '?x=600&y=100&width=300&height=300' })).status).toBe(200);
    await setSlug(t.app, owner, portfolioId, `photo-${portfolioId.slice(0, 8)}`);
    if (Object.keys(settings).length > 0) {
      const patched = await request(t.app)
        .patch(`/api/v1/portfolios/${portfolioId}`)
        .set(...bearer(owner.accessToken))
        .send({ settings });
      expect(patched.status).toBe(200);
    }
    const build = await buildAndWait(t.app, owner, portfolioId);
    expect(build.status).toBe('succeeded');
    const prefix = siteFilesPrefix(portfolioId, build.id);
    const keys = (await t.container.storage.list(prefix)).map((object) => object.key.slice(prefix.length));
    const html = (await readObjectBytes(t.container.storage, `${prefix}index.html`)).toString('utf8');
    return { cvId, prefix, keys, html };
  }

  it('shows the photo, and shares a 1200×630 image drawn with it through absolute og:image and twitter:image tags', async () => {
    const { cvId, prefix, keys, html } = await buildSite(true);
    expect(keys).toEqual(expect.arrayContaining([SITE_IMAGES.photo, SITE_IMAGES.openGraphImage]));
    expect(html).toMatch(/<img class="hero__photo" src="photo\.jpg"/);
    const base = html.match(/<meta property="og:url" content="([^"]+)"/)?.[1];
    expect(base).toMatch(/^http:\/\/localhost:2000\/sites\/photo-[0-9a-f]{8}\/$/);
    expect(html).toContain(`<meta property="og:image" content="${base}og-image.png"/>`);
    expect(html).toContain('<meta property="og:image:width" content="1200"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(html).toContain(`<meta name="twitter:image" content="${base}og-image.png"/>`);

    const shareImage = await readObjectBytes(t.container.storage, `${prefix}${SITE_IMAGES.openGraphImage}`);
    expect(await sharp(shareImage).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    // The photo (the blue crop) sits in the circle on the left.
    const circle = await meanColour(await sharp(shareImage).extract({ left: 180, top: 235, width: 160, height: 160 }).toBuffer());
    expect(circle.b).toBeGreaterThan(180);
    expect((await readObjectBytes(t.container.storage, `${prefix}${SITE_IMAGES.photo}`)).equals((await getPhoto(cvId)).body as Buffer)).toBe(true);
  });

  it('leaves the photo out of the site and of the share image when the owner hides it', async () => {
    const { keys, html } = await buildSite(true, { showPhoto: false });
    expect(keys).not.toContain(SITE_IMAGES.photo);
    expect(keys).toContain(SITE_IMAGES.openGraphImage);
    expect(html).not.toContain('<img class="hero__photo"');
  });

  it('gives a first build, made before the site has an address, the address publishing then gives it', async () => {
    const sample = JSON.parse(readFileSync(path.resolve(__dirname, '../../../cv-schema/fixtures/jsonresume-sample.resume.json'), 'utf8'));
    const name = `Photo Person ${randomUUID().slice(0, 8)}`;
    const imported = await request(t.app)
      .post('/api/v1/cvs/import')
      .set(...bearer(owner.accessToken))
      .send({ ...sample, basics: { ...sample.basics, name } });
    const created = await request(t.app)
      .post('/api/v1/portfolios')
      .set(...bearer(owner.accessToken))
      .send({ cvId: imported.body.cv.id, templateId: 'minimal' });
    expect(created.body.portfolio.slug).toBeNull();
    const build = await buildAndWait(t.app, owner, created.body.portfolio.id);
    const html = (await readObjectBytes(t.container.storage, `${siteFilesPrefix(created.body.portfolio.id, build.id)}index.html`)).toString('utf8');
    const published = await request(t.app)
      .post(`/api/v1/portfolios/${created.body.portfolio.id}/publish`)
      .set(...bearer(owner.accessToken));
    expect(published.status).toBe(200);
    expect(html).toContain(`<meta property="og:url" content="${published.body.url}"/>`);
    expect(html).toContain(`<meta property="og:image" content="${published.body.url}og-image.png"/>`);
  });
});
