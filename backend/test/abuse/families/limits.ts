import { randomUUID } from 'node:crypto';
import { expectError, PASSWORD, register } from '../harness/api';
import { check, type Case, type Family } from '../harness/cases';
import { call, type Reply } from '../harness/http';
import { AbuseServer } from '../harness/server';
import { CV_TEXT } from '../files/documents';
import { filePart, multipart, multipartType } from '../files/multipart';

// The limits exist: on a server with the limits a fresh install has (the other families'
// server raises them out of the way), repeating a request far past any sane use ends in
// 429 RATE_LIMITED with Retry-After, after the earlier requests were answered normally.

/** Sends up to `attempts` requests until one is limited; every earlier answer must be `normal`. */
async function untilLimited(send: (i: number) => Promise<Reply>, normal: (res: Reply) => boolean, attempts = 40): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    const res = await send(i);
    if (res.status === 429) {
      expectError(res, [429], 'RATE_LIMITED');
      const retryAfter = Number(res.headers.get('retry-after'));
      check(Number.isInteger(retryAfter) && retryAfter > 0, `429 without a usable Retry-After (${res.headers.get('retry-after')})`);
      return;
    }
    check(normal(res), `request ${i + 1} answered ${res.status} ${res.text.slice(0, 200)}`);
  }
  check(false, `${attempts} requests in a row and none was limited`);
}

let server: AbuseServer | undefined;

export const limitsFamily: Family = {
  name: 'limits',
  async prepare() {
    server = await AbuseServer.start({ limits: 'defaults' });
    const url = server.url;
    const ctx = { server, url };
    const account = await register(ctx, 'limits');
    return [
      {
        name: 'wrong passwords for one account',
        run: () =>
          untilLimited(
            () => call(url, 'POST', '/api/v1/auth/login', { json: { email: account.email, password: 'wrong password, again' } }),
            (res) => res.status === 401,
          ),
      },
      {
        name: 'registrations from one address',
        run: () =>
          untilLimited(
            () => call(url, 'POST', '/api/v1/auth/register', { json: { email: `limits-${randomUUID()}@example.com`, password: PASSWORD } }),
            (res) => res.status === 201,
          ),
      },
      {
        name: 'anonymous uploads from one address',
        run: () =>
          untilLimited(
            () => call(url, 'POST', '/api/v1/cvs', { body: multipart([filePart(CV_TEXT, 'cv.txt')]), headers: { 'content-type': multipartType() } }),
            (res) => res.status === 202,
          ),
      },
      {
        name: 'refreshes with made-up tokens',
        run: () =>
          untilLimited(
            () => call(url, 'POST', '/api/v1/auth/refresh', { json: { refreshToken: `${randomUUID()}.${'a'.repeat(43)}` } }),
            (res) => res.status === 401,
            400,
          ),
      },
    ] satisfies Case[];
  },
  async finish() {
    await server?.stop();
  },
};
