const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** One page, one URL: the sitemap exists so crawlers find the canonical address. */
export function sitemapXml(base: URL): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', `  <url><loc>${escapeXml(base.href)}</loc></url>`, '</urlset>', ''].join('\n');
}

/** A portfolio wants to be found: everything allowed, and the sitemap named when its address is known. */
export function robotsTxt(base: URL | null): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (base) lines.push('', `Sitemap: ${new URL('sitemap.xml', base).href}`);
  return `${lines.join('\n')}\n`;
}
