import { z } from 'zod';
import { TimestampSchema } from './common';

const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an e-mail address' }));

// The rule for every password a person chooses (sign-up and password reset).
const newPassword = z.string({ error: 'is required' }).min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

export const RegisterBodySchema = z.object({
  email,
  password: newPassword,
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
});
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const LoginBodySchema = z.object({
  email,
  password: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const PasswordResetRequestBodySchema = z.object({ email });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBodySchema>;

export const PasswordResetRequestResponseSchema = z
  .strictObject({
    message: z.string().meta({ description: 'The same sentence whether or not the address has an account.' }),
  })
  .meta({ id: 'PasswordResetRequested' });
export type PasswordResetRequestResponse = z.infer<typeof PasswordResetRequestResponseSchema>;

export const PasswordResetBodySchema = z.object({
  token: z
    .string({ error: 'is required' })
    .regex(/^[\w-]{20,100}$/, 'must be the code from the reset link')
    .meta({ description: 'From the link in the e-mail (the part after #token=).' }),
  password: newPassword,
});
export type PasswordResetBody = z.infer<typeof PasswordResetBodySchema>;

export const RefreshBodySchema = z.object({
  refreshToken: z.string().min(1, 'must not be empty').max(300).optional().meta({ description: 'Leave it out to use the r2w_refresh cookie.' }),
});

export const UserSchema = z
  .strictObject({
    id: z.uuid(),
    email: z.email(),
    name: z.string().nullable(),
    plan: z.string().meta({ description: '`free`, or `paid` once the plan is bought (publishing needs it when payments are on).' }),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z
  .strictObject({
    user: UserSchema,
    accessToken: z.string().meta({ description: 'Send as Authorization: Bearer <accessToken>.' }),
    refreshToken: z.string().meta({ description: 'Also set as the httpOnly r2w_refresh cookie (path /api/v1/auth); every refresh rotates it.' }),
    expiresIn: z.int().positive().meta({ description: 'Seconds until the access token expires.' }),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

export const MeResponseSchema = z.strictObject({ user: UserSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const ProviderSchema = z.strictObject({ id: z.string(), name: z.string() });
export type Provider = z.infer<typeof ProviderSchema>;
export const ProvidersResponseSchema = z.strictObject({ providers: z.array(ProviderSchema) });
export type ProvidersResponse = z.infer<typeof ProvidersResponseSchema>;

export const OAuthParamsSchema = z.object({ provider: z.string().meta({ description: 'google or linkedin (only those configured; others answer 404).' }) });
export const OAuthStartQuerySchema = z.object({
  next: z.string().optional().meta({ description: 'The SPA path to land on once signed in, e.g. /cvs/123; anything but a path of this app is ignored.' }),
});
export const OAuthCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional().meta({ description: 'Set by the provider instead of code, e.g. access_denied.' }),
});

/**
 * Why a sign-in with Google or LinkedIn did not finish: the callback sends the browser to
 * /sign-in?oauthError=<reason>&provider=<id>, and the SPA says it in words.
 */
export const OAUTH_FAILURES = ['cancelled', 'expired', 'provider_unavailable', 'invalid_response', 'email_unverified', 'email_missing', 'failed'] as const;
export type OAuthFailure = (typeof OAUTH_FAILURES)[number];
