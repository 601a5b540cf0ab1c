import type { OAuthFailure } from '@r2w/cv-schema/api';

const MESSAGES: Record<OAuthFailure, (provider: string) => string> = {
  cancelled: (p) => `Signing in with ${p} was cancelled. You can try again, or use your e-mail below.`,
  expired: (p) => `That sign-in with ${p} has expired or was already used. Please start again.`,
  provider_unavailable: (p) => `${p} could not be reached just now. Please try again in a moment, or use your e-mail below.`,
  invalid_response: (p) => `${p}'s answer could not be verified, so you were not signed in. Please try again.`,
  email_unverified: (p) => `Your ${p} account's e-mail address is not verified, so we cannot sign you in with it. Verify it with ${p} first, or sign in with your e-mail and password.`,
  email_missing: (p) => `${p} did not share an e-mail address, which we need for your account. Please use your e-mail below.`,
  failed: (p) => `Signing in with ${p} did not work. Please try again, or use your e-mail below.`,
};

const NAMES: Record<string, string> = { google: 'Google', linkedin: 'LinkedIn' };

/** What to tell the user when the API sent them back from a provider with `?oauthError=`; null when it did not. */
export function oauthFailureMessage(params: URLSearchParams): string | null {
  const reason = params.get('oauthError');
  if (!reason) return null;
  const provider = NAMES[params.get('provider') ?? ''] ?? 'that provider';
  return (MESSAGES[reason as OAuthFailure] ?? MESSAGES.failed)(provider);
}
