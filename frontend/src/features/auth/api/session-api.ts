import type { LoginBody, PasswordResetBody, PasswordResetRequestBody, PasswordResetRequestResponse, ProvidersResponse, RegisterBody, Session } from '@r2w/cv-schema/api';
import { api } from '@/lib/api-client';

// The refresh token itself travels in the httpOnly cookie the API sets; this code never
// keeps it.
export const sessionApi = {
  register: (body: RegisterBody) => api<Session>('/api/v1/auth/register', { method: 'POST', body }),
  login: (body: LoginBody) => api<Session>('/api/v1/auth/login', { method: 'POST', body }),
  refresh: () => api<Session>('/api/v1/auth/refresh', { method: 'POST', body: {} }),
  logout: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
  deleteAccount: () => api<void>('/api/v1/auth/me', { method: 'DELETE' }),
  requestPasswordReset: (body: PasswordResetRequestBody) => api<PasswordResetRequestResponse>('/api/v1/auth/password-reset/request', { method: 'POST', body }),
  resetPassword: (body: PasswordResetBody) => api<Session>('/api/v1/auth/password-reset', { method: 'POST', body }),
  providers: () => api<ProvidersResponse>('/api/v1/auth/providers'),
};
