import { z } from 'zod';

// What the site owner chooses for a portfolio: stored by the API, edited in the SPA and
// applied by the renderer. Every field is optional: absent means "the template's choice".
export const SiteSettingsSchema = z
  .strictObject({
    siteUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional()
      .meta({ description: 'The site’s own address, for its canonical link, Open Graph and sitemap.' }),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'must be a language code such as en or pt-BR')
      .optional()
      .meta({ description: 'Language of headings and dates.' }),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8')
      .optional(),
    showPhoto: z.boolean().optional(),
  })
  .meta({ id: 'SiteSettings' });
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
