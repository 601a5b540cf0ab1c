import type { User } from '@r2w/cv-schema/api';

// What of a user may leave the API. Services select exactly these columns, so the
// password hash can never reach a response.
export const publicUserSelect = { id: true, email: true, name: true, plan: true, createdAt: true } as const;

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  plan: string;
  createdAt: Date;
}

export function toApiUser(user: PublicUser) {
  return { ...user, createdAt: user.createdAt.toISOString() } satisfies User;
}
