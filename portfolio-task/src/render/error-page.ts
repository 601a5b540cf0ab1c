import { createElement } from 'react';
import { labelsFor, resolveSettings, siteCss, templateById } from '../templates';
import { renderDocument } from './document';
import { faviconSvg } from './favicon';
import { NotFound } from './not-found';

export type ErrorPage = { title: string; text: string; homeHref: string; homeLabel: string };

// Addresses that show no site (an unknown or unpublished slug, an expired preview link) still
// answer a browser with a page in the sites' look: the minimal template, in English, since
// there is no CV to take a language or colours from. No font files either (there is no site
// folder to take them from): the template's system stacks.
const template = templateById('minimal');
const settings = resolveSettings({});
const css = siteCss(template, settings, null);
// Inline, so the page needs no file from a site that does not exist.
const favicon = `data:image/svg+xml,${encodeURIComponent(faviconSvg(null, { accent: template.theme.base.accent, bg: template.theme.base.bg }))}`;

/** English labels for the page, so callers word only what differs. */
export const ERROR_PAGE_LABELS = labelsFor('en');

/** A whole HTML page (noindex) saying what went wrong, with one link away. */
export function renderErrorPage(page: ErrorPage): string {
  return renderDocument({
    language: settings.language,
    dir: settings.dir,
    theme: template.theme,
    css,
    author: null,
    title: page.title,
    description: null,
    faviconHref: favicon,
    noindex: true,
    children: createElement(NotFound, { ...page, templateId: template.id }),
  });
}
