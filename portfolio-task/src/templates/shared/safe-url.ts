import { isEmailAddress, isPhoneNumber, webAddress } from '@r2w/cv-schema';
import { clean } from './text';

// The CV schema decides what a web address, an e-mail address and a phone number are
// (cv-schema's contact-values); the site applies the same rules again to whatever it is given,
// so no stored value, however old, puts a scheme a browser would run into an href.
const OTHER_LINK_PROTOCOLS = new Set(['mailto:', 'tel:']);

/** An href a visitor can follow without running anything: http(s), mailto or tel; null otherwise. */
export function safeHref(raw: string | null | undefined): string | null {
  const text = clean(raw);
  if (!text) return null;
  const web = webAddress(text);
  if (web) return web.href;
  try {
    const url = new URL(text);
    return OTHER_LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** An http(s) address, for images and for links that must lead to a web page (sameAs, og:image). */
export function safeWebUrl(raw: string | null | undefined): string | null {
  const text = clean(raw);
  return text ? (webAddress(text)?.href ?? null) : null;
}

export function mailtoHref(email: string | null | undefined): string | null {
  const address = clean(email);
  return address && isEmailAddress(address) ? `mailto:${address}` : null;
}

const EXTENSION = /\s*(?:ext\.?|x|#)\s*(\d+)$/i;

export function telHref(phone: string | null | undefined): string | null {
  const number = clean(phone);
  if (!number || !isPhoneNumber(number)) return null;
  const extension = EXTENSION.exec(number)?.[1];
  const main = number.replace(EXTENSION, '');
  return `tel:${main.startsWith('+') ? '+' : ''}${main.replace(/\D/g, '')}${extension ? `;ext=${extension}` : ''}`;
}

/** How an address reads on the page: no scheme, no "www.", no trailing slash. */
export function displayUrl(href: string): string {
  return href
    .replace(/^(?:https?:\/\/|mailto:|tel:)/i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}
