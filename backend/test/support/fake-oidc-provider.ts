import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OpenID provider for sign-in tests: discovery document, JWKS, an authorization
// endpoint that "signs in" the person set in `person` at once and sends the browser back
// with a code, and a token endpoint that checks the client secret, the redirect URI and
// PKCE, and answers with an RS256 ID token signed with a key made here. Codes are single
// use. `idToken` lets a test spoil the token (claims, or the signing key).

export interface Person {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the authorization endpoint. */
  person: Person;
  /** Set: the authorization endpoint answers with this error (e.g. access_denied) instead of a code. */
  deny: string | null;
  /** Changes the ID token's claims before signing; `signWithOtherKey` signs it with a key not in the JWKS. */
  idToken: { claims?: (claims: Record<string, unknown>) => Record<string, unknown>; signWithOtherKey?: boolean };
  /** The authorization requests received (their query). */
  authorizations: URLSearchParams[];
  /** Stops listening: the provider is down. */
  close(): Promise<void>;
}

export interface FakeOidcOptions {
  /** Like Google (true), or like LinkedIn: no PKCE from web apps (a code_verifier is refused) and no nonce in ID tokens. */
  pkce?: boolean;
}

interface IssuedCode {
  person: Person;
  redirectUri: string;
  nonce: string | null;
  challenge: string | null;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeOidcProvider(options: FakeOidcOptions = {}): Promise<FakeOidcProvider> {
  const pkce = options.pkce ?? true;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = randomBytes(6).toString('hex');
  const codes = new Map<string, IssuedCode>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', fake.issuer);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: fake.issuer,
        authorization_endpoint: `${fake.issuer}/authorize`,
        token_endpoint: `${fake.issuer}/token`,
        jwks_uri: `${fake.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
        ...(pkce ? { code_challenge_methods_supported: ['S256'] } : {}),
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') {
      return send(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    }
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      fake.authorizations.push(q);
      const redirectUri = q.get('redirect_uri');
      if (q.get('client_id') !== fake.clientId || !redirectUri || q.get('response_type') !== 'code') return send(res, 400, { error: 'invalid_request' });
      const back = new URL(redirectUri);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      if (fake.deny) {
        back.searchParams.set('error', fake.deny);
      } else {
        const code = randomBytes(16).toString('base64url');
        codes.set(code, { person: { ...fake.person }, redirectUri, nonce: q.get('nonce'), challenge: q.get('code_challenge') });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      void formOf(req).then((form) => {
        if (form.get('client_id') !== fake.clientId || form.get('client_secret') !== fake.clientSecret) return send(res, 401, { error: 'invalid_client' });
        if (!pkce && form.has('code_verifier')) return send(res, 401, { error: 'invalid_client', error_description: 'PKCE is not enabled for this application' });
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code);
        if (form.get('grant_type') !== 'authorization_code' || !issued || issued.redirectUri !== form.get('redirect_uri')) return send(res, 400, { error: 'invalid_grant' });
        if (issued.challenge !== null) {
          const verifier = form.get('code_verifier') ?? '';
          if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) return send(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
        }
        const now = Math.floor(Date.now() / 1000);
        const base: Record<string, unknown> = { iss: fake.issuer, aud: fake.clientId, iat: now, exp: now + 600, ...issued.person, ...(pkce && issued.nonce ? { nonce: issued.nonce } : {}) };
        const claims = fake.idToken.claims ? fake.idToken.claims(base) : base;
        const idToken = signJwt(claims, fake.idToken.signWithOtherKey ? other : privateKey, kid);
        return send(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 3600, id_token: idToken });
      });
      return;
    }
    send(res, 404, { error: 'not_found' });
  });

  const fake: FakeOidcProvider = {
    issuer: '',
    clientId: `client-${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(16).toString('hex'),
    person: { sub: 'nobody' },
    deny: null,
    idToken: {},
    authorizations: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
