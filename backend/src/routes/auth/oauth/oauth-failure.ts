import type { OAuthFailure } from '@r2w/cv-schema/api';

/** A sign-in with a provider that ended without a session; `reason` is what the SPA tells the user. */
export class OAuthFlowError extends Error {
  constructor(
    readonly reason: OAuthFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthFlowError';
  }
}
