import { clean } from './text';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

// CVs often write "github.com/dana" or "www.dana.dev"; those are web addresses, and only
// https is ever added, so no scheme a browser would execute can be smuggled in this way.
const BARE_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;

const EMAIL = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

function parse(raw: string | null | undefined, protocols: ReadonlySet<string>): string | null {
  const text = clean(raw);
  if (!text) return null;
  let url: URL;
  try {
    // The URL parser is what browsers use, so whitespace, control characters and case
    // tricks in the scheme ("Java\tScript:") are resolved exactly as a browser would.
    url = new URL(BARE_DOMAIN.test(text) ? `https://${text}` : text);
  } catch {
    return null;
  }
  if (!protocols.has(url.protocol)) return null;
  if (WEB_PROTOCOLS.has(url.protocol) && !url.hostname) return null;
  return url.href;
}

/** An href a visitor can follow without running anything: http(s), mailto or tel; null otherwise. */
export function safeHref(raw: string | null | undefined): string | null {
  return parse(raw, LINK_PROTOCOLS);
}

/** An http(s) address, for images and for links that must lead to a web page (sameAs, og:image). */
export function safeWebUrl(raw: string | null | undefined): string | null {
  return parse(raw, WEB_PROTOCOLS);
}

export function mailtoHref(email: string | null | undefined): string | null {
  const address = clean(email);
  return address && EMAIL.test(address) ? `mailto:${address}` : null;
}

export function telHref(phone: string | null | undefined): string | null {
  const number = clean(phone);
  if (!number) return null;
  const digits = number.replace(/\D/g, '');
  if (digits.length < 5 || /[^\d\s()+.\-/]/.test(number)) return null;
  return `tel:${number.startsWith('+') ? '+' : ''}${digits}`;
}

/** How an address reads on the page: no scheme, no "www.", no trailing slash. */
export function displayUrl(href: string): string {
  return href
    .replace(/^(?:https?:\/\/|mailto:|tel:)/i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}
