import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID()}@example.com`;
}

export const PASSWORD = 'correct horse battery';

export interface Account {
  email: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
}

export async function registerAccount(app: Express, email = uniqueEmail()): Promise<Account> {
  const res = await request(app).post('/api/v1/auth/register').send({ email, password: PASSWORD, name: 'Test Person' });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, userId: res.body.user.id, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}
