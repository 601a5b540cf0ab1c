import { api } from '@/lib/api-client';

export type User = { id: string; email: string; name: string | null; plan: string; createdAt: string };
export type SessionResult = { user: User; accessToken: string; expiresIn: number };
export type Provider = { id: string; name: string };

// The refresh token itself travels in the httpOnly cookie the API sets; this code never
// keeps it.
export const sessionApi = {
  register: (body: { email: string; password: string; name?: string }) => api<SessionResult>('/api/v1/auth/register', { method: 'POST', body }),
  login: (body: { email: string; password: string }) => api<SessionResult>('/api/v1/auth/login', { method: 'POST', body }),
  refresh: () => api<SessionResult>('/api/v1/auth/refresh', { method: 'POST', body: {} }),
  logout: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
  deleteAccount: () => api<void>('/api/v1/auth/me', { method: 'DELETE' }),
  providers: () => api<{ providers: Provider[] }>('/api/v1/auth/providers'),
};
