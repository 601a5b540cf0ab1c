import { emptyCv } from '@r2w/cv-schema';
import { fullCv } from './support/full-cv';
import { InvalidSiteUrlError, renderErrorPage, renderSite, TEMPLATES, UnknownTemplateError, type TemplateId } from '../src';
import { contrastRatio } from '../src/templates';
import { allElements, firstElement, metaContent, parseHtml, textOf } from './support/html';
import { homePage, siteFile } from './support/site';

const SITE = { siteUrl: 'https://dana.example.com' };

function jsonLdOf(html: string): unknown {
  const script = allElements(parseHtml(html), 'script').find((element) => element.attribs.type === 'application/ld+json');
  return script ? JSON.parse(textOf(script)) : undefined;
}

describe('renderSite', () => {
  it('writes the home page, a 404 page, the favicon, robots.txt and sitemap.xml, with their content types', () => {
    const { files } = renderSite(fullCv(), { templateId: 'minimal', settings: SITE });
    expect(files.map(({ path, contentType }) => [path, contentType])).toEqual([
      ['index.html', 'text/html; charset=utf-8'],
      ['404.html', 'text/html; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
      ['robots.txt', 'text/plain; charset=utf-8'],
      ['sitemap.xml', 'application/xml; charset=utf-8'],
    ]);
  });

  it('gives the same bytes for the same CV and options', () => {
    expect(renderSite(fullCv(), { templateId: 'dark', settings: SITE })).toEqual(renderSite(fullCv(), { templateId: 'dark', settings: SITE }));
  });

  it('refuses a template it does not have, with a typed error', () => {
    const render = () => renderSite(fullCv(), { templateId: 'brutalist' as TemplateId });
    expect(render).toThrow(UnknownTemplateError);
    expect(render).toThrow(expect.objectContaining({ code: 'UNKNOWN_TEMPLATE', templateId: 'brutalist' }));
  });

  it.each(['javascript:alert(1)', 'dana.example.com', '/sites/dana/', 'ftp://dana.example.com', 'https://user:pw@dana.example.com'])('refuses the site URL %p', (siteUrl) => {
    expect(() => renderSite(fullCv(), { templateId: 'minimal', settings: { siteUrl } })).toThrow(InvalidSiteUrlError);
  });
});

describe('the home page head', () => {
  const document = parseHtml(homePage(fullCv(), 'minimal', SITE));
  const head = firstElement(document, 'head');

  it('is a complete HTML document', () => {
    expect(homePage(fullCv(), 'minimal', SITE)).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charSet="utf-8"\/>/);
    expect(metaContent(document, 'viewport')).toBe('width=device-width, initial-scale=1');
    expect(textOf(firstElement(head, 'title'))).toBe('Dana Levi – Staff Engineer');
    expect(metaContent(document, 'description')).toBe('Engineer with ten years in payments.');
    expect(metaContent(document, 'color-scheme')).toBe('light dark');
  });

  it('has the canonical link, Open Graph and Twitter tags', () => {
    expect(allElements(head, 'link').find((link) => link.attribs.rel === 'canonical')?.attribs.href).toBe('https://dana.example.com/');
    const expected: Record<string, string> = {
      'og:type': 'profile',
      'og:url': 'https://dana.example.com/',
      'og:title': 'Dana Levi – Staff Engineer',
      'og:description': 'Engineer with ten years in payments.',
      'og:image': 'https://dana.example.com/photo.jpg',
      'og:site_name': 'Dana Levi',
      'twitter:card': 'summary',
      'twitter:title': 'Dana Levi – Staff Engineer',
      'twitter:description': 'Engineer with ten years in payments.',
      'twitter:image': 'https://dana.example.com/photo.jpg',
    };
    for (const [key, content] of Object.entries(expected)) expect([key, metaContent(document, key)]).toEqual([key, content]);
    // A square photo has no size to give, and the small card fits it.
    expect(metaContent(document, 'og:image:width')).toBeUndefined();
  });

  it('inlines the stylesheet and links nothing else that could load code', () => {
    expect(allElements(head, 'style')).toHaveLength(1);
    expect(
      allElements(document, 'link')
        .map((link) => link.attribs.rel)
        .sort(),
    ).toEqual(['canonical', 'icon', 'preload', 'preload']);
  });

  it('describes the person in JSON-LD', () => {
    expect(jsonLdOf(homePage(fullCv(), 'minimal', SITE))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Dana Levi',
      jobTitle: 'Staff Engineer',
      image: 'https://dana.example.com/photo.jpg',
      email: 'mailto:dana@example.com',
      telephone: '+972 50 000 0000',
      url: 'https://dana.example.com/',
      sameAs: ['https://dana.example.com/', 'https://github.com/dana'],
      address: { '@type': 'PostalAddress', addressLocality: 'Tel Aviv', addressRegion: 'Center', addressCountry: 'IL' },
      alumniOf: [{ '@type': 'EducationalOrganization', name: 'Tel Aviv University', url: 'https://tau.example.com/' }],
      worksFor: [{ '@type': 'Organization', name: 'Acme Pay', url: 'https://acme.example.com/' }],
    });
  });

  it('shortens a long summary to at most 160 characters at a word', () => {
    const cv = fullCv();
    cv.summary.summaryText = `${'Designs and operates payment ledgers for marketplaces. '.repeat(6)}`;
    const description = metaContent(parseHtml(homePage(cv, 'minimal')), 'description')!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/^Designs and operates .*[a-z]…$/);
  });

  it('falls back to the tagline for the description, and leaves photo tags out when the photo is hidden', () => {
    const cv = fullCv();
    cv.summary.summaryText = null;
    const page = parseHtml(homePage(cv, 'minimal', { ...SITE, showPhoto: false }));
    expect(metaContent(page, 'description')).toBe('Building calm systems');
    expect(metaContent(page, 'og:image')).toBeUndefined();
    expect(jsonLdOf(homePage(cv, 'minimal', { ...SITE, showPhoto: false }))).not.toHaveProperty('image');
  });

  it('without a site URL has no canonical, Open Graph, Twitter tags or JSON-LD url', () => {
    const page = parseHtml(homePage(fullCv(), 'minimal'));
    expect(allElements(page, 'link').map((link) => link.attribs.rel)).not.toContain('canonical');
    expect(allElements(page, 'meta').filter((meta) => /^(og|twitter):/.test(meta.attribs.property ?? meta.attribs.name ?? ''))).toEqual([]);
    expect(jsonLdOf(homePage(fullCv(), 'minimal'))).not.toHaveProperty('url');
  });

  it('has no JSON-LD for a CV without a name, and names the page anyway', () => {
    const page = homePage(emptyCv(), 'minimal');
    expect(jsonLdOf(page)).toBeUndefined();
    expect(textOf(firstElement(parseHtml(page), 'title'))).toBe('Portfolio');
  });
});

describe('the images a build is given', () => {
  const IMAGES = { photo: 'photo.jpg', openGraphImage: 'og-image.png' };
  // A photo address in the CV too, which the uploaded photo takes the place of.
  const cv = fullCv();
  cv.hero.profilePhotoUrl = 'https://photos.example.org/dana.jpg';
  const home = (settings = SITE, images: { photo?: string | null; openGraphImage?: string | null } = IMAGES) =>
    renderSite(cv, { templateId: 'modern', settings, images }).files.find((file) => file.path === 'index.html')!.body;

  it('shows the uploaded photo in place of the CV’s photo address', () => {
    const images = allElements(parseHtml(home()), 'img').filter((image) => image.attribs.class === 'hero__photo');
    expect(images.map((image) => [image.attribs.src, image.attribs.alt])).toEqual([['photo.jpg', 'Photo of Dana Levi']]);
  });

  it('shares the 1200×630 image by its absolute address, in a large Twitter card', () => {
    const page = parseHtml(home());
    const expected: Record<string, string> = {
      'og:image': 'https://dana.example.com/og-image.png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'og:image:alt': 'Dana Levi',
      'twitter:card': 'summary_large_image',
      'twitter:image': 'https://dana.example.com/og-image.png',
      'twitter:image:alt': 'Dana Levi',
      'og:type': 'profile',
      'og:title': 'Dana Levi – Staff Engineer',
      'og:description': 'Engineer with ten years in payments.',
    };
    for (const [key, content] of Object.entries(expected)) expect([key, metaContent(page, key)]).toEqual([key, content]);
    // Inside a site that lives in a folder, the addresses are the folder's.
    expect(metaContent(parseHtml(home({ siteUrl: 'https://r2w.example.com/sites/dana' })), 'og:image')).toBe('https://r2w.example.com/sites/dana/og-image.png');
  });

  it('gives JSON-LD the uploaded photo’s absolute address', () => {
    expect(jsonLdOf(home())).toMatchObject({ image: 'https://dana.example.com/photo.jpg' });
    expect(jsonLdOf(home({ siteUrl: 'https://r2w.example.com/sites/dana/' }, { photo: 'photo.jpg' }))).toMatchObject({ image: 'https://r2w.example.com/sites/dana/photo.jpg' });
  });

  it('leaves the uploaded photo out when the owner hides it, and shares the image anyway', () => {
    const page = parseHtml(home({ ...SITE, showPhoto: false } as typeof SITE));
    expect(allElements(page, 'img').filter((image) => image.attribs.class === 'hero__photo')).toEqual([]);
    expect(metaContent(page, 'og:image')).toBe('https://dana.example.com/og-image.png');
  });

  it('shows a preview’s data: photo on the page but shares no data: address', () => {
    const page = parseHtml(home(SITE, { photo: 'data:image/jpeg;base64,/9j/' }));
    const photos = allElements(page, 'img').filter((image) => image.attribs.class === 'hero__photo');
    expect(photos.map((image) => image.attribs.src)).toEqual(['data:image/jpeg;base64,/9j/']);
    expect(metaContent(page, 'og:image')).toBe('https://photos.example.org/dana.jpg');
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('allow everything and point to the sitemap at the site address', () => {
    expect(siteFile(fullCv(), 'modern', 'robots.txt', SITE)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://dana.example.com/sitemap.xml\n');
    expect(siteFile(fullCv(), 'modern', 'sitemap.xml', SITE)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://dana.example.com/</loc></url>\n</urlset>\n',
    );
  });

  it('resolve inside a site published under a path, escaping the address for XML', () => {
    const settings = { siteUrl: 'https://r2w.example.com/sites/dana?x=1&y=2#top' };
    expect(siteFile(fullCv(), 'modern', 'robots.txt', settings)).toContain('Sitemap: https://r2w.example.com/sites/dana/sitemap.xml\n');
    expect(siteFile(fullCv(), 'modern', 'sitemap.xml', settings)).toContain('<loc>https://r2w.example.com/sites/dana/</loc>');
    const withAmpersand = siteFile(fullCv(), 'modern', 'sitemap.xml', { siteUrl: 'https://r2w.example.com/a&b/' });
    expect(withAmpersand).toContain('<loc>https://r2w.example.com/a&amp;b/</loc>');
  });

  it('without a site URL: no sitemap, and robots.txt without a Sitemap line', () => {
    const { files } = renderSite(fullCv(), { templateId: 'modern' });
    expect(files.map((file) => file.path)).not.toContain('sitemap.xml');
    expect(siteFile(fullCv(), 'modern', 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });
});

describe('the 404 page', () => {
  it('is not indexed, uses the template’s CSS, and links home by absolute address', () => {
    const page = parseHtml(siteFile(fullCv(), 'academic', '404.html', SITE));
    expect(metaContent(page, 'robots')).toBe('noindex');
    expect(textOf(firstElement(page, 'title'))).toBe('Page not found – Dana Levi');
    expect(textOf(firstElement(page, 'h1'))).toBe('Page not found');
    expect(allElements(page, 'a').map((link) => link.attribs.href)).toEqual(['https://dana.example.com/']);
    expect(textOf(firstElement(page, 'style'))).toContain('.site--academic');
  });
});

describe('the error page of an address that shows no site', () => {
  const html = renderErrorPage({ title: 'Page not found', text: 'There is no published site at <this> address.', homeHref: 'https://r2w.example.com/', homeLabel: 'Back to the home page' });
  const page = parseHtml(html);

  it('says what went wrong in the sites’ look, not indexed, with one link away', () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr">/);
    expect(metaContent(page, 'robots')).toBe('noindex');
    expect(textOf(firstElement(page, 'title'))).toBe('Page not found');
    expect(textOf(firstElement(page, 'h1'))).toBe('Page not found');
    expect(html).toContain('There is no published site at &lt;this&gt; address.');
    expect(allElements(page, 'a').map((link) => [link.attribs.href, textOf(link)])).toEqual([['https://r2w.example.com/', 'Back to the home page']]);
    expect(textOf(firstElement(page, 'style'))).toContain('.site--minimal');
  });

  it('needs no other file: its icon is inline and nothing runs', () => {
    const icons = allElements(page, 'link').filter((link) => link.attribs.rel === 'icon');
    expect(icons.map((icon) => icon.attribs.href?.slice(0, 19))).toEqual(['data:image/svg+xml,']);
    expect(allElements(page, 'script')).toEqual([]);
  });
});

describe('the accent colour', () => {
  const accentOf = (css: string) => [...css.matchAll(/--accent:(#[0-9a-f]{6})/g)].map((match) => match[1]);
  const styleOf = (templateId: TemplateId, accentColor: string) => textOf(firstElement(parseHtml(homePage(fullCv(), templateId, { accentColor })), 'style'));

  it.each(TEMPLATES.map((template) => template.id))('in %s replaces the template’s, kept readable in every scheme', (templateId) => {
    const template = TEMPLATES.find((candidate) => candidate.id === templateId)!;
    const palettes = [template.theme.base, ...(template.theme.dark ? [template.theme.dark] : [])];
    for (const wish of ['#ffff00', '#0000ff', '#10b981']) {
      const accents = accentOf(styleOf(templateId, wish));
      expect(accents).toHaveLength(palettes.length);
      accents.forEach((accent, index) => {
        const palette = palettes[index]!;
        expect(contrastRatio(accent!, palette.bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(accent!, palette.surface)).toBeGreaterThanOrEqual(4.5);
      });
    }
    expect(accentOf(styleOf(templateId, '#10B981'))).not.toEqual(accentOf(styleOf(templateId, 'nonsense')));
  });

  it('is ignored unless it is #rrggbb', () => {
    expect(styleOf('minimal', 'red')).toBe(styleOf('minimal', '#fff'));
    expect(styleOf('minimal', 'red')).toContain(`--accent:${TEMPLATES[0].theme.base.accent}`);
  });
});
