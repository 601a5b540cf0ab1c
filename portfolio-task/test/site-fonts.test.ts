import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderStorage, type ObjectStorage } from '@r2w/storage';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { fullCv } from './support/full-cv';
import { allElements, firstElement, parseHtml, textOf } from './support/html';
import { renderSite, SITE_CSP, TEMPLATES, type TemplateId } from '../src';
import { buildJobKeys, buildJobPrefix, siteFilesPrefix } from '../src/task/build-job';
import { runBuildTask } from '../src/task/run-build-task';
import { FONT_SUBSETS, type WebFont } from '../src/templates/shared/fonts';
import { FONT_CACHE_CONTROL, fontFaces } from '../src/templates/shared/web-fonts';

// Each template's web fonts, end to end: what the builder writes, what the pages ask for,
// and the catalogue against the npm packages the files come from.

const SITE_URL = 'https://dana.example.com/';
const logger = { info: () => undefined, error: () => undefined };

let dir: string;
let storage: ObjectStorage;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-site-fonts-'));
  storage = new LocalFolderStorage({ root: path.join(dir, 'storage') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Builds a site as the builder task does; returns its files by path. */
async function built(templateId: TemplateId, language = 'en'): Promise<Map<string, { contentType?: string; cacheControl?: string; body: Buffer }>> {
  const buildId = randomUUID();
  const portfolioId = randomUUID();
  const job = buildJobPrefix(portfolioId, buildId);
  await storage.put(buildJobKeys(job).input, JSON.stringify({ buildId, portfolioId, templateId, settings: { siteUrl: SITE_URL, language }, cv: fullCv() }));
  expect(await runBuildTask(job, { storage, logger })).toMatchObject({ status: 'succeeded' });
  const prefix = siteFilesPrefix(portfolioId, buildId);
  const files = new Map<string, { contentType?: string; cacheControl?: string; body: Buffer }>();
  for (const object of await storage.list(prefix)) {
    const { body, object: stored } = await storage.get(object.key);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    files.set(object.key.slice(prefix.length), { contentType: stored.contentType, cacheControl: stored.cacheControl, body: Buffer.concat(chunks) });
  }
  return files;
}

function styleOf(html: string): string {
  return textOf(firstElement(parseHtml(html), 'style'));
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]!);
}

/** Every address a page makes the browser fetch by itself: CSS url()s and <link>s that load (not canonical, an address only). */
function requestedUrls(html: string): string[] {
  const links = allElements(parseHtml(html), 'link')
    .filter((link) => link.attribs.rel !== 'canonical')
    .map((link) => link.attribs.href!);
  return [...cssUrls(styleOf(html)), ...links];
}

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  it('carries the font files its pages ask for, as font/woff2 cached for good, and no other font', async () => {
    const files = await built(templateId);
    const index = files.get('index.html')!.body.toString('utf8');
    const wanted = cssUrls(styleOf(index));
    expect(wanted.length).toBeGreaterThan(0);
    for (const url of wanted) {
      const file = files.get(url);
      expect([url, file?.contentType, file?.cacheControl]).toEqual([url, 'font/woff2', FONT_CACHE_CONTROL]);
      expect(file!.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    const fonts = [...files.keys()].filter((name) => name.endsWith('.woff2'));
    expect(fonts.sort()).toEqual([...wanted].sort());
  });

  it("carries each font's licence beside its files", async () => {
    const files = await built(templateId);
    const folders = new Set([...files.keys()].filter((name) => name.endsWith('.woff2')).map((name) => path.posix.dirname(name)));
    for (const folder of folders) {
      const licence = files.get(`${folder}/LICENSE.txt`);
      expect([folder, licence?.contentType]).toEqual([folder, 'text/plain; charset=utf-8']);
      expect(licence!.body.toString('utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    }
  });

  it('makes no request to another site: every font, preload and icon is its own file or under its own address', async () => {
    const files = await built(templateId);
    for (const page of ['index.html', '404.html']) {
      for (const url of requestedUrls(files.get(page)!.body.toString('utf8'))) {
        const resolved = new URL(url, SITE_URL).href;
        expect([page, url, resolved.startsWith(SITE_URL)]).toEqual([page, url, true]);
      }
    }
  });

  it("preloads the body text's Latin faces on a left-to-right page, and the files are there", async () => {
    const files = await built(templateId);
    const preloads = allElements(parseHtml(files.get('index.html')!.body.toString('utf8')), 'link').filter((link) => link.attribs.as === 'font');
    const { body } = TEMPLATES.find((template) => template.id === templateId)!.fonts;
    expect(preloads).toHaveLength(body.italic ? 2 : 1);
    for (const preload of preloads) {
      expect(preload.attribs).toMatchObject({ rel: 'preload', type: 'font/woff2', crossorigin: 'anonymous' });
      expect(preload.attribs.href).toMatch(new RegExp(`^fonts/${body.font.id}-${body.font.version}/latin-(normal|italic)\\.woff2$`));
      expect(files.get(preload.attribs.href!)?.contentType).toBe('font/woff2');
    }
  });

  it('on a Hebrew page keeps the Latin faces for Latin text only, and preloads none', async () => {
    const html = renderSite(fullCv(), { templateId, settings: { siteUrl: SITE_URL, language: 'he' } }).files.find((file) => file.path === 'index.html')!.body;
    expect(allElements(parseHtml(html), 'link').filter((link) => link.attribs.as === 'font')).toEqual([]);
    const faces = styleOf(html).match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face).toContain('font-display:swap');
      expect(face).toMatch(/unicode-range:U\+0000-00FF,|unicode-range:U\+0100-02BA,/);
    }
    // Hebrew letters (U+05D0–05EA) fall outside every face: the system stack behind the font draws them.
    expect(styleOf(html)).toMatch(/--font-body:"[^"]+", [^;]*(sans-serif|serif)/);
  });
});

describe('in a browser, served with the sites’ CSP', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it.each(TEMPLATES.map((template) => [template.id, template] as const))('%s loads every font it uses from its own folder, and asks nothing of another site', async (_id, template) => {
    const files = await built(template.id);
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Failed to decode downloaded font|OTS parsing error/.test(message.text())) refused.push(message.text());
    });
    // The site at its own address, answered from the build's files with the headers it is served with.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.href.startsWith(SITE_URL) ? files.get(url.pathname.slice(1) || 'index.html') : undefined;
      // Pictures the CV links to may live anywhere (img-src https:); nothing the site itself needs may.
      if (!url.href.startsWith(SITE_URL) && route.request().resourceType() !== 'image') elsewhere.push(url.href);
      if (!file) return route.fulfill({ status: 404, body: '' });
      await route.fulfill({ status: 200, body: file.body, headers: { 'content-type': file.contentType ?? '', 'content-security-policy': SITE_CSP } });
    });
    await page.goto(SITE_URL);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
    });
    await page.close();
    const families = [template.fonts.body, template.fonts.heading, template.fonts.mono, template.fonts.ui].flatMap((role) => (role ? [role.font.family] : []));
    expect(new Set(loaded)).toEqual(new Set(families));
    expect(refused).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});

describe('pages with no font folder', () => {
  it('the SPA preview (fontFiles: false) asks for no font file and copies none', () => {
    const site = renderSite(fullCv(), { templateId: 'minimal', settings: { siteUrl: SITE_URL }, fontFiles: false });
    expect(site.packaged).toEqual([]);
    for (const file of site.files.filter((candidate) => candidate.path.endsWith('.html'))) {
      expect(file.body).not.toContain('@font-face');
      expect(file.body).not.toContain('as="font"');
    }
  });

  it('the 404 page, served at any path, takes the fonts from the site address, or none without one', () => {
    const notFound = (siteUrl?: string) => renderSite(fullCv(), { templateId: 'academic', settings: siteUrl ? { siteUrl } : {} }).files.find((file) => file.path === '404.html')!.body;
    expect(cssUrls(styleOf(notFound(SITE_URL))).every((url) => url.startsWith(`${SITE_URL}fonts/`))).toBe(true);
    expect(notFound()).not.toContain('@font-face');
  });
});

/** The code points a unicode-range names. */
function codePoints(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range.split(',')) {
    const [from, to = from] = part
      .replace('U+', '')
      .split('-')
      .map((hex) => parseInt(hex, 16));
    for (let point = from!; point <= to!; point += 1) points.add(point);
  }
  return points;
}

describe('the font catalogue', () => {
  const fonts = new Map<string, WebFont>(TEMPLATES.flatMap((template) => fontFaces(template.fonts).map((face) => [face.font.id, face.font] as const)));
  const ownPackage = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const packageFile = (font: WebFont, file: string) => JSON.parse(readFileSync(require.resolve(`${font.package}/${file}`), 'utf8')) as Record<string, unknown>;

  it.each([...fonts.values()].map((font) => [font.family, font] as const))('%s is the pinned package, OFL-licensed, with the weights and subsets it claims', (_family, font) => {
    const manifest = packageFile(font, 'package.json');
    const metadata = packageFile(font, 'metadata.json') as { family: string; license: { type: string }; styles: string[]; variable: { wght: { min: string; max: string } } };
    const unicode = packageFile(font, 'unicode.json');
    expect(ownPackage.dependencies[font.package]).toBe(font.version);
    expect(manifest.version).toBe(font.version);
    expect(metadata.family).toBe(font.family);
    expect(metadata.license.type).toBe('OFL-1.1');
    expect(font.weight).toEqual([Number(metadata.variable.wght.min), Number(metadata.variable.wght.max)]);
    // Within the package's own range (newer packages reach a few currency signs further), so
    // the browser never fetches a file for a character it does not hold.
    for (const [subset, range] of Object.entries(FONT_SUBSETS)) {
      const own = codePoints(String(unicode[subset]));
      expect([subset, [...codePoints(range)].filter((point) => !own.has(point))]).toEqual([subset, []]);
    }
  });

  it('gives every template a typeface pair of its own', () => {
    const pairs = TEMPLATES.map((template) => [template.fonts.body.font.id, template.fonts.heading.font.id, template.fonts.mono?.font.id, template.fonts.ui?.font.id].filter(Boolean).sort().join('+'));
    expect(new Set(pairs).size).toBe(TEMPLATES.length);
  });
});
