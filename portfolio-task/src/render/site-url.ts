import { InvalidSiteUrlError } from './errors';

/**
 * The published site's base address, ending in "/", so page addresses resolve inside it
 * (`https://host/sites/dana/` + `sitemap.xml`). Null when not given; an address that is
 * not absolute http(s) is a configuration error, not something to publish quietly.
 */
export function siteBase(siteUrl: string | undefined): URL | null {
  const raw = siteUrl?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidSiteUrlError(raw);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) throw new InvalidSiteUrlError(raw);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
