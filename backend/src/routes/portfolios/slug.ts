import { SlugSchema } from '@r2w/cv-schema/api';

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
