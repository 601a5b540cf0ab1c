import type { Router } from 'express';
import { isTemplateId, renderPreviewPage, SAMPLE_CV, TEMPLATES } from '@r2w/portfolio-task';
import { AppError } from '@r2w/cv-schema';
import { TemplateParamsSchema, type Template } from '@r2w/cv-schema/api';
import { createRouter } from '../../http/router';

// The template catalogue, each with a preview rendered from a sample CV by the same
// renderer the builder uses.
export function templatesRouter(): Router {
  const router = createRouter();
  router.get('/', (_req, res) => {
    const templates = TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description, previewUrl: `/api/v1/templates/${t.id}/preview` }) satisfies Template);
    res.json({ templates });
  });
  router.get('/:id/preview', (req, res) => {
    const { id } = TemplateParamsSchema.parse(req.params);
    if (!isTemplateId(id)) throw new AppError('NOT_FOUND', `There is no template "${id}".`);
    // A lone page, with no site folder beside it for font files: the templates' system stacks.
    const index = renderPreviewPage(SAMPLE_CV, { templateId: id });
    res.set('Cache-Control', 'public, max-age=300').type('html').send(index);
  });
  return router;
}
