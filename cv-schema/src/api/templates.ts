import { z } from 'zod';
import { TemplateIdSchema } from './portfolios';

export const TemplateSchema = z
  .strictObject({
    id: TemplateIdSchema,
    name: z.string(),
    description: z.string(),
    previewUrl: z.string().meta({ description: 'A page of the template filled with a sample CV.' }),
  })
  .meta({ id: 'Template' });
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateListResponseSchema = z.strictObject({ templates: z.array(TemplateSchema) });
export type TemplateListResponse = z.infer<typeof TemplateListResponseSchema>;
export const TemplateParamsSchema = z.object({ id: z.string() });
