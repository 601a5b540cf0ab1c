import type { OAuthProviderId } from '../../../config/env';

export interface ProviderTraits {
  /** Shown on the buttons: "Continue with <name>". */
  name: string;
  scope: string;
  /** Whether the provider takes a PKCE code challenge from a web (confidential) client. */
  pkce: boolean;
  /** Whether the provider copies the nonce into the ID token. */
  nonce: boolean;
}

// Each provider as it actually behaves, not as the specification would have it.
export const PROVIDER_CATALOG: Record<OAuthProviderId, ProviderTraits> = {
  google: { name: 'Google', scope: 'openid email profile', pkce: true, nonce: true },
  // LinkedIn's token endpoint refuses a code_verifier from a web app (invalid_client; PKCE
  // is for native apps it has enabled it for) and its ID tokens carry no nonce. The code
  // is still bound to this browser (state in the store and in a cookie) and can only be
  // exchanged with the client secret.
  linkedin: { name: 'LinkedIn', scope: 'openid profile email', pkce: false, nonce: false },
};
