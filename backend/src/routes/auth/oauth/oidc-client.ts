import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import type { OAuthProviderSettings } from '../../../config/env';
import { OAuthFlowError } from './oauth-failure';
import type { ProviderTraits } from './provider-catalog';

/** What a sign-in keeps between sending the browser to the provider and its return. */
export interface PendingSignIn {
  codeVerifier: string | null;
  nonce: string | null;
}

/** The person the provider vouched for, from a verified ID token. */
export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

// A provider that does not answer within this long is treated as down.
const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * One OpenID provider, spoken to with oauth4webapi: discovery (fetched on first use and
 * kept; fetched again after a failure), the authorization request, the code exchange and
 * the ID token checks (signature against the provider's keys, issuer, audience, expiry,
 * nonce).
 */
export class OidcClient {
  private server: Promise<oauth.AuthorizationServer> | null = null;
  private readonly client: oauth.Client;
  private readonly issuer: URL;
  // Only a test or local provider is plain http (the configuration refuses it in production).
  private readonly insecure: boolean;

  constructor(
    private readonly settings: OAuthProviderSettings,
    readonly traits: ProviderTraits,
  ) {
    this.client = { client_id: settings.clientId };
    this.issuer = new URL(settings.issuer);
    this.insecure = this.issuer.protocol === 'http:';
  }

  private options(): { signal: AbortSignal; [oauth.allowInsecureRequests]: boolean } {
    return { signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS), [oauth.allowInsecureRequests]: this.insecure };
  }

  private discover(): Promise<oauth.AuthorizationServer> {
    this.server ??= oauth
      .discoveryRequest(this.issuer, { algorithm: 'oidc', ...this.options() })
      .then((response) => oauth.processDiscoveryResponse(this.issuer, response))
      .catch((error: unknown) => {
        this.server = null;
        throw classify(error);
      });
    return this.server;
  }

  /** The provider's authorization address for a new sign-in, and what to keep until it returns. */
  async begin(redirectUri: string, state: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const server = await this.discover();
    if (!server.authorization_endpoint) throw new OAuthFlowError('provider_unavailable', 'the discovery document names no authorization endpoint');
    const pending: PendingSignIn = {
      codeVerifier: this.traits.pkce ? oauth.generateRandomCodeVerifier() : null,
      nonce: this.traits.nonce ? oauth.generateRandomNonce() : null,
    };
    const url = new URL(server.authorization_endpoint);
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', this.traits.scope);
    url.searchParams.set('state', state);
    if (pending.nonce) url.searchParams.set('nonce', pending.nonce);
    if (pending.codeVerifier) {
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
      url.searchParams.set('code_challenge_method', 'S256');
    }
    return { url, pending };
  }

  /** Checks the provider's answer, exchanges its code and verifies the ID token. */
  async finish(callback: URLSearchParams, state: string, redirectUri: string, pending: PendingSignIn): Promise<VerifiedIdentity> {
    const server = await this.discover();
    try {
      const params = oauth.validateAuthResponse(server, this.client, callback, state);
      const response = await oauth.authorizationCodeGrantRequest(
        server,
        this.client,
        oauth.ClientSecretPost(this.settings.clientSecret),
        params,
        redirectUri,
        pending.codeVerifier ?? oauth.nopkce,
        this.options(),
      );
      const tokens = await oauth.processAuthorizationCodeResponse(server, this.client, response, { expectedNonce: pending.nonce ?? oauth.expectNoNonce, requireIdToken: true });
      // The ID token came straight from the provider over TLS, which the specification
      // accepts as proof; its signature is checked all the same.
      await oauth.validateApplicationLevelSignature(server, response, this.options());
      const claims = oauth.getValidatedIdTokenClaims(tokens)!;
      return {
        subject: claims.sub,
        email: usableEmail(claims.email),
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : null,
      };
    } catch (error) {
      throw classify(error);
    }
  }
}

// As an e-mail typed at sign-up is kept: trimmed, lower case, and a real address.
const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

function usableEmail(value: unknown): string | null {
  const parsed = EmailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Errors as the user should hear of them. Only oauth4webapi's own message goes on (to the
// logs): its `cause` can hold the ID token's claims, e-mail included.
function classify(error: unknown): OAuthFlowError {
  if (error instanceof OAuthFlowError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    return new OAuthFlowError(error.error === 'access_denied' ? 'cancelled' : 'failed', `the provider answered ${error.error}`);
  }
  if (error instanceof oauth.ResponseBodyError) {
    // A code already used or too old.
    if (error.error === 'invalid_grant') return new OAuthFlowError('expired', 'the provider refused the code (invalid_grant)');
    return new OAuthFlowError(error.status >= 500 ? 'provider_unavailable' : 'failed', `the token endpoint answered ${error.status} ${error.error}`);
  }
  if (error instanceof oauth.UnsupportedOperationError) return new OAuthFlowError('invalid_response', error.message);
  if (error instanceof oauth.OperationProcessingError) {
    const unavailable = error.code === oauth.RESPONSE_IS_NOT_CONFORM || error.code === oauth.RESPONSE_IS_NOT_JSON;
    return new OAuthFlowError(unavailable ? 'provider_unavailable' : 'invalid_response', `${error.code}: ${error.message}`);
  }
  // fetch: connection refused, DNS, timeout. By name, as fetch's errors may come from another realm.
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  if ((name === 'TypeError' && message === 'fetch failed') || name === 'TimeoutError' || name === 'AbortError') {
    return new OAuthFlowError('provider_unavailable', `the provider could not be reached: ${String(message)}`);
  }
  return new OAuthFlowError('failed', typeof message === 'string' ? message : String(error));
}
