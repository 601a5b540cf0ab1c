import { z } from 'zod';

// A slug becomes a URL path (/sites/<slug>/) and, later, a subdomain: lower-case letters,
// digits and inner hyphens only, and none of the names the product uses itself.
const RESERVED = new Set(['api', 'app', 'admin', 'www', 'sites', 'previews', 'static', 'assets', 'health', 'metrics', 'login', 'signup', 'account', 'settings', 'help', 'support', 'about', 'blog', 'status', 'mail', 'r2w']);

export const SlugSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(50, 'must be at most 50 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'may contain only lower-case letters, digits and inner hyphens')
  .refine((slug) => !slug.includes('--'), 'must not contain two hyphens in a row')
  .refine((slug) => !RESERVED.has(slug), 'is reserved; choose another');

/** A first suggestion from the person's name ("Zoë O'Brien" → "zoe-obrien"). */
export function suggestSlug(name: string | null | undefined): string | null {
  const base = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return SlugSchema.safeParse(base).success ? base : null;
}
