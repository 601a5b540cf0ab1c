import { z } from 'zod';

const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an e-mail address' }));

export const RegisterBody = z.object({
  email,
  password: z.string({ error: 'is required' }).min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters'),
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
});

export const LoginBody = z.object({
  email,
  password: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
});

export const RefreshBody = z.object({
  refreshToken: z.string().min(1, 'must not be empty').max(300).optional(),
});
