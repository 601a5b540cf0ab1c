import { createHmac, timingSafeEqual } from 'node:crypto';

// Short-lived links to private content (a build's preview) that a browser can open
// without a token header: the path and expiry are signed with the server's secret.
export class UrlSigner {
  constructor(private readonly secret: string) {}

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('base64url');
  }

  /** `path?expires=…&signature=…`, valid for `ttlSeconds`. */
  sign(path: string, ttlSeconds: number): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    return `${path}?expires=${expires}&signature=${this.signature(path, expires)}`;
  }

  verify(path: string, expires: unknown, signature: unknown): boolean {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) < Date.now() / 1000) return false;
    const expected = Buffer.from(this.signature(path, Number(expires)));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
