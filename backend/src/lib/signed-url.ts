import { createHmac, timingSafeEqual } from 'node:crypto';

// Short-lived links to private content (a build's preview) that a browser can open
// without a token header: the path and expiry are signed with the server's secret. The
// signature travels as a path segment, not a query, so that the page's relative addresses
// (its fonts, photo, favicon) carry it too.
export class UrlSigner {
  constructor(private readonly secret: string) {}

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('base64url');
  }

  /** `<expires>.<signature>` for `path`, valid for `ttlSeconds`. */
  token(path: string, ttlSeconds: number): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    return `${expires}.${this.signature(path, expires)}`;
  }

  verify(path: string, token: unknown): boolean {
    const match = typeof token === 'string' ? /^(\d{1,12})\.([\w-]{1,100})$/.exec(token) : null;
    if (!match) return false;
    const expires = Number(match[1]);
    if (expires < Date.now() / 1000) return false;
    const expected = Buffer.from(this.signature(path, expires));
    const given = Buffer.from(match[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
