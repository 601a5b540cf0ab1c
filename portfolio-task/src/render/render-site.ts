import type { Cv } from '@r2w/cv-schema';
import type { SiteSettings } from '@r2w/cv-schema/api';
import { createElement } from 'react';
import { isTemplateId, labelsFor, resolveSettings, siteCss, templateById, type TemplateId } from '../templates';
import { clean } from '../templates/shared/text';
import { fontFiles, preloadedFontPaths, type PackagedFile } from '../templates/shared/web-fonts';
import { robotsTxt, sitemapXml } from './crawl-files';
import { renderDocument } from './document';
import { UnknownTemplateError } from './errors';
import { faviconSvg } from './favicon';
import { personJsonLd, scriptSafeJson } from './json-ld';
import { NotFound } from './not-found';
import { pageMeta } from './page-meta';
import { siteBase } from './site-url';

export type { SiteSettings };

export type RenderOptions = {
  templateId: TemplateId;
  settings?: SiteSettings;
  /** The language the CV is written in, as the API read it (`@r2w/portfolio-task/cv-language`): the site's unless the owner chose one. */
  cvLanguage?: string | null;
  /**
   * Whether the site carries its font files (default true). The SPA's preview has no folder
   * to serve them from and shows the templates' system stacks instead.
   */
  fontFiles?: boolean;
  /**
   * Images made for this site, as addresses its home page can load: the owner's uploaded
   * photo (in place of the CV's photo address) and the share image. A build gives the site's
   * own files (SITE_IMAGES); the SPA's preview a data: address.
   */
  images?: { photo?: string | null; openGraphImage?: string | null };
};

export type SiteFile = { path: string; contentType: string; body: string };

export type { PackagedFile };

/** The files the renderer writes, and the files (fonts and their licences) the builder copies in as they are. */
export type RenderedSite = { files: SiteFile[]; packaged: PackagedFile[] };

const HTML = 'text/html; charset=utf-8';

/**
 * The whole static site for a CV: the home page, a 404 page, the favicon, robots.txt,
 * when the site's address is known sitemap.xml, and the template's fonts. Pure and synchronous: the same CV and
 * options give the same bytes, in Node or in a browser.
 */
export function renderSite(cv: Cv, options: RenderOptions): RenderedSite {
  const templateId: unknown = options.templateId;
  if (!isTemplateId(templateId)) throw new UnknownTemplateError(String(templateId));
  const template = templateById(templateId);
  const { siteUrl, ...choices } = options.settings ?? {};
  const base = siteBase(siteUrl);
  const settings = resolveSettings(choices, options.cvLanguage);
  const labels = labelsFor(settings.language);
  const withFonts = options.fontFiles ?? true;
  const photo = settings.showPhoto ? (options.images?.photo ?? null) : null;
  const meta = pageMeta(cv, labels, settings, { photo, openGraphImage: options.images?.openGraphImage ?? null, base });
  const name = clean(cv.hero.fullName);
  const common = { language: settings.language, dir: settings.dir, theme: template.theme, author: name };

  const home = renderDocument({
    ...common,
    css: siteCss(template, settings, withFonts ? '' : null),
    // On a right-to-left page the Latin faces draw little more than digits: not worth a head start.
    preloadFonts: withFonts && settings.dir === 'ltr' ? preloadedFontPaths(template.fonts) : [],
    title: meta.title,
    description: meta.description,
    faviconHref: 'favicon.svg',
    canonical: base?.href,
    // Social sites take only absolute addresses: without the site's own, no card at all.
    openGraph: base && { url: base.href, title: meta.title, description: meta.description, image: meta.shareImage, siteName: name },
    jsonLd: name ? scriptSafeJson(personJsonLd(cv, { siteUrl: base?.href ?? null, image: meta.image })) : null,
    // The language as resolved here, which the template's pages then take as chosen.
    children: createElement(template.Component, { cv, settings: { ...choices, language: settings.language }, photo }),
  });

  // The 404 page answers for any missing path, so its links cannot be relative to itself
  // (without the site's address, it shows the system stacks).
  const notFound = renderDocument({
    ...common,
    css: siteCss(template, settings, withFonts && base ? base.href : null),
    title: `${labels.notFoundTitle} – ${name ?? labels.portfolio}`,
    description: null,
    faviconHref: base ? new URL('favicon.svg', base).href : '/favicon.svg',
    noindex: true,
    children: createElement(NotFound, { title: labels.notFoundTitle, text: labels.notFoundText, homeHref: base?.href ?? '/', homeLabel: labels.backHome, templateId }),
  });

  const files: SiteFile[] = [
    { path: 'index.html', contentType: HTML, body: home },
    { path: '404.html', contentType: HTML, body: notFound },
    { path: 'favicon.svg', contentType: 'image/svg+xml', body: faviconSvg(name, { accent: settings.accentColor ?? template.theme.base.accent, bg: template.theme.base.bg }) },
    { path: 'robots.txt', contentType: 'text/plain; charset=utf-8', body: robotsTxt(base) },
  ];
  if (base) files.push({ path: 'sitemap.xml', contentType: 'application/xml; charset=utf-8', body: sitemapXml(base) });
  return { files, packaged: withFonts ? fontFiles(template.fonts) : [] };
}

/**
 * The home page alone, for a page shown away from the site's folder (the SPA's live preview
 * and website cards, the API's template previews): nothing there serves the font files, so
 * the page asks for none and shows the templates' system stacks.
 */
export function renderPreviewPage(cv: Cv, options: Omit<RenderOptions, 'fontFiles'>): string {
  const home = renderSite(cv, { ...options, fontFiles: false }).files.find((file) => file.path === 'index.html');
  if (!home) throw new Error('The renderer made no home page');
  return home.body;
}
