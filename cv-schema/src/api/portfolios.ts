import { z } from 'zod';
import { FailureSchema, TimestampSchema } from './common';
import { SiteSettingsSchema } from './site-settings';

/** The site templates; portfolio-task implements one for each (its tests hold it to this list). */
export const TEMPLATE_IDS = ['minimal', 'modern', 'dark', 'academic', 'studio', 'editorial'] as const;
export const TemplateIdSchema = z.enum(TEMPLATE_IDS, { error: 'is not a known template' });
export type TemplateId = z.infer<typeof TemplateIdSchema>;

// A slug becomes a URL path (/sites/<slug>/) and, later, a subdomain: lower-case letters,
// digits and inner hyphens only, and none of the names the product uses itself.
const RESERVED_SLUGS = new Set([
  'api',
  'app',
  'admin',
  'www',
  'sites',
  'previews',
  'static',
  'assets',
  'health',
  'metrics',
  'login',
  'signup',
  'account',
  'settings',
  'help',
  'support',
  'about',
  'blog',
  'status',
  'mail',
  'r2w',
]);

export const SlugSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(50, 'must be at most 50 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'may contain only lower-case letters, digits and inner hyphens')
  .refine((slug) => !slug.includes('--'), 'must not contain two hyphens in a row')
  .refine((slug) => !RESERVED_SLUGS.has(slug), 'is reserved; choose another');

export const PortfolioParamsSchema = z.object({ id: z.uuid({ error: 'is not a portfolio id' }) });
export const BuildParamsSchema = PortfolioParamsSchema.extend({ buildId: z.uuid({ error: 'is not a build id' }) });

export const CreatePortfolioBodySchema = z.strictObject({ cvId: z.uuid({ error: 'is not a CV id' }), templateId: TemplateIdSchema });
export type CreatePortfolioBody = z.infer<typeof CreatePortfolioBodySchema>;

export const UpdatePortfolioBodySchema = z.strictObject({
  templateId: TemplateIdSchema.optional(),
  slug: SlugSchema.nullable().optional().meta({ description: 'The address under /sites/; null takes it away (unpublishing the site).' }),
  settings: SiteSettingsSchema.optional().meta({ description: 'Replaces the settings whole.' }),
});
export type UpdatePortfolioBody = z.infer<typeof UpdatePortfolioBodySchema>;

export const PortfolioSchema = z
  .strictObject({
    id: z.uuid(),
    cvId: z.uuid(),
    templateId: TemplateIdSchema,
    slug: z.string().nullable(),
    settings: SiteSettingsSchema,
    published: z.boolean(),
    publishedBuildId: z.uuid().nullable(),
    publishedAt: TimestampSchema.nullable(),
    url: z.url().nullable().meta({ description: 'The public address while published.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Portfolio' });
export type Portfolio = z.infer<typeof PortfolioSchema>;

export const PortfolioResponseSchema = z.strictObject({ portfolio: PortfolioSchema });
export type PortfolioResponse = z.infer<typeof PortfolioResponseSchema>;
export const PortfolioListResponseSchema = z.strictObject({ portfolios: z.array(PortfolioSchema) });
export type PortfolioListResponse = z.infer<typeof PortfolioListResponseSchema>;

export const BuildStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type BuildStatus = z.infer<typeof BuildStatusSchema>;

export const BuildSchema = z
  .strictObject({
    id: z.uuid(),
    status: BuildStatusSchema,
    progress: z.int().min(0).max(100),
    progressMessage: z.string().nullable(),
    templateId: TemplateIdSchema,
    previewUrl: z.string().optional().meta({ description: 'Once succeeded: a signed link to the built site, valid 15 minutes.' }),
    error: FailureSchema.optional().meta({ description: 'Why the build failed (status failed only).' }),
    createdAt: TimestampSchema,
    startedAt: TimestampSchema.nullable(),
    finishedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Build' });
export type Build = z.infer<typeof BuildSchema>;

export const BuildResponseSchema = z.strictObject({ build: BuildSchema });
export type BuildResponse = z.infer<typeof BuildResponseSchema>;
export const BuildListResponseSchema = z.strictObject({ builds: z.array(BuildSchema) });
export type BuildListResponse = z.infer<typeof BuildListResponseSchema>;

export const PublishResponseSchema = z.strictObject({ url: z.url(), buildId: z.uuid() });
export type PublishResponse = z.infer<typeof PublishResponseSchema>;
export const UnpublishResponseSchema = z.strictObject({ published: z.literal(false) });
export type UnpublishResponse = z.infer<typeof UnpublishResponseSchema>;

export const PreviewParamsSchema = z.object({
  buildId: z.string(),
  token: z.string().meta({ description: 'The signed part of the link a build answers with (expiry and signature), as a path segment so that the page’s relative addresses carry it.' }),
});
