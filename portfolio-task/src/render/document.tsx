import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Theme } from '../templates';
import type { ShareImage } from './page-meta';

export type OpenGraph = { url: string; title: string; description: string | null; image: ShareImage | null; siteName: string | null };

type DocumentProps = {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description: string | null;
  author: string | null;
  theme: Theme;
  css: string;
  faviconHref: string;
  /** Font files the page needs at once, fetched before the stylesheet asks for them. */
  preloadFonts?: string[];
  canonical?: string | null;
  openGraph?: OpenGraph | null;
  /** Already script-safe JSON (see scriptSafeJson). */
  jsonLd?: string | null;
  noindex?: boolean;
  children: ReactNode;
};

function SocialTags({ og }: { og: OpenGraph }) {
  return (
    <>
      <meta property="og:type" content="profile" />
      <meta property="og:url" content={og.url} />
      <meta property="og:title" content={og.title} />
      {og.description ? <meta property="og:description" content={og.description} /> : null}
      {og.image ? (
        <>
          <meta property="og:image" content={og.image.url} />
          {og.image.width ? <meta property="og:image:width" content={String(og.image.width)} /> : null}
          {og.image.height ? <meta property="og:image:height" content={String(og.image.height)} /> : null}
          <meta property="og:image:alt" content={og.image.alt} />
        </>
      ) : null}
      {og.siteName ? <meta property="og:site_name" content={og.siteName} /> : null}
      {/* The wide card for a share image made for it; a photo alone is square, the small card's shape. */}
      <meta name="twitter:card" content={og.image?.width ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={og.title} />
      {og.description ? <meta name="twitter:description" content={og.description} /> : null}
      {og.image ? <meta name="twitter:image" content={og.image.url} /> : null}
      {og.image ? <meta name="twitter:image:alt" content={og.image.alt} /> : null}
    </>
  );
}

/** The browser bar and dark-mode form controls follow the template's colours before any CSS is parsed. */
function SchemeTags({ theme }: { theme: Theme }) {
  const { base, dark } = theme;
  if (!dark) {
    return (
      <>
        <meta name="color-scheme" content={base.scheme} />
        <meta name="theme-color" content={base.bg} />
      </>
    );
  }
  return (
    <>
      <meta name="color-scheme" content={`${base.scheme} ${dark.scheme}`} />
      <meta name="theme-color" content={base.bg} media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content={dark.bg} media="(prefers-color-scheme: dark)" />
    </>
  );
}

function HtmlDocument(props: DocumentProps) {
  return (
    <html lang={props.language} dir={props.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.author ? <meta name="author" content={props.author} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <SchemeTags theme={props.theme} />
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.openGraph ? <SocialTags og={props.openGraph} /> : null}
        <link rel="icon" href={props.faviconHref} type="image/svg+xml" />
        {/* crossOrigin: fonts are always fetched in CORS mode, and a preload made otherwise would not be used. */}
        {props.preloadFonts?.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
        {/* Our own CSS (colours only from validated hex values), never CV text. */}
        <style dangerouslySetInnerHTML={{ __html: props.css }} />
        {props.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} /> : null}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

export function renderDocument(props: DocumentProps): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<HtmlDocument {...props} />)}`;
}
