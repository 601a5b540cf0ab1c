import { z } from 'zod';

// The rules for the values a visitor acts on (writes to, calls, opens). The API, the editor and
// the extractor's fitting all check them through the CV schema, so one rule decides everywhere.

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

// CVs often write "github.com/dana" or "www.dana.dev": a web address without its scheme. Only
// https is ever added, so no scheme a browser would run can be smuggled in this way.
const BARE_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

/**
 * The http(s) address a CV value names ("https://x.dev/a", "github.com/dana"), or null when it
 * names none: other schemes (javascript:, data:, mailto:), spaces in the host, a word alone.
 * The URL parser is the one browsers use, so control characters and case tricks in a scheme
 * ("Java\tScript:") resolve here exactly as they would in a visitor's browser.
 */
export function webAddress(raw: string): URL | null {
  const text = raw.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(BARE_DOMAIN.test(text) ? `https://${text}` : text);
  } catch {
    return null;
  }
  return WEB_PROTOCOLS.has(url.protocol) && url.hostname ? url : null;
}

// zod's own e-mail pattern: a domain with a dot and a top-level name, so "dana@postbox" (a
// typo that would bounce every message) is refused, and no quoting or comments.
export function isEmailAddress(raw: string): boolean {
  return z.regexes.email.test(raw.trim());
}

// A CV writes its numbers for its own country: "(912) 555-4321", "050-123 4567",
// "+49 (0)30 123-456", "+1 555 0100 ext. 12". Without the country a number's length cannot be
// checked against a numbering plan (libphonenumber-js would add 29 KB gzipped to the editor for
// "+"-numbers alone), so the check is the shape every plan shares: phone characters only and
// 5 to 17 digits (E.164's 15, plus an international 00 or a national (0) written beside it).
const PHONE = /^\+?[\d\s()./\p{Pd}\u2212]+?(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/iu;
const MIN_DIGITS = 5;
const MAX_DIGITS = 17;

export function isPhoneNumber(raw: string): boolean {
  const text = raw.trim();
  const match = PHONE.exec(text);
  if (!match) return false;
  const digits = text.replace(/(?:ext\.?|x|#)\s*\d{1,6}$/i, '').replace(/\D/g, '').length;
  return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
}
