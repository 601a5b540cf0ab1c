import { z } from 'zod';
import { CvSchema } from '../cv';
import { jsonResumeSchema } from '../json-resume';
import { FailureSchema, TimestampSchema } from './common';

export const CvDocumentSchema = CvSchema.meta({ id: 'Cv', description: 'The 18-section CV.' });
export const JsonResumeDocumentSchema = jsonResumeSchema.meta({ id: 'JsonResume', description: 'A JSON Resume document (jsonresume.org, schema v1.0.0).' });

export const CvIdParamsSchema = z.object({ id: z.uuid({ error: 'is not a CV id' }) });

export const CvStatusSchema = z.enum(['queued', 'extracting', 'ready', 'failed']);
export type CvStatus = z.infer<typeof CvStatusSchema>;

export const ApiCvSchema = z
  .strictObject({
    id: z.uuid(),
    status: CvStatusSchema,
    progress: z.int().min(0).max(100),
    progressMessage: z.string().nullable(),
    fileName: z.string().nullable().meta({ description: 'The uploaded file, as named on the uploader’s computer; null when imported.' }),
    fileKind: z.enum(['pdf', 'docx', 'txt']).nullable(),
    personName: z.string().nullable().meta({ description: 'Whom the CV is about (its hero’s full name), for naming it in lists; null until read or when it names nobody.' }),
    fileSize: z.int().min(0).nullable(),
    hasPhoto: z.boolean().meta({ description: 'Whether the owner uploaded a profile photo (GET /api/v1/cvs/{id}/photo); the site shows it instead of the CV’s photo address.' }),
    extractor: z.string().nullable().meta({ description: 'What read the CV: claude, openai-compatible, offline or import.' }),
    claimed: z.boolean().meta({ description: 'Whether an account owns it (false for an anonymous upload not yet claimed).' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    data: CvDocumentSchema.optional().meta({ description: 'The CV itself, once extracted; left out of lists.' }),
    language: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'The site language the CV is written in (en, es, fr, de, he, ar), read from its text; null when too short to tell. With data only.' }),
    error: FailureSchema.optional().meta({ description: 'Why extraction failed (status failed only).' }),
  })
  .meta({ id: 'CvRecord' });
export type ApiCv = z.infer<typeof ApiCvSchema>;

export const CvResponseSchema = z.strictObject({ cv: ApiCvSchema });
export type CvResponse = z.infer<typeof CvResponseSchema>;
export const CvListResponseSchema = z.strictObject({ cvs: z.array(ApiCvSchema) });
export type CvListResponse = z.infer<typeof CvListResponseSchema>;

export const UploadResponseSchema = z.strictObject({
  cv: ApiCvSchema,
  claimToken: z.string().optional().meta({ description: 'Anonymous uploads only: reads and edits this CV (X-Claim-Token) until a signed-in user claims it.' }),
});
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

export const UploadBodySchema = z.object({ file: z.file().meta({ description: 'The CV: PDF, DOCX or UTF-8/UTF-16 text.' }) });

const pixels = z.coerce.number().int().min(0).max(100_000);

/** The part of an uploaded photo to keep, in pixels of the photo as it is shown (upright). */
export type PhotoCrop = { x: number; y: number; width: number; height: number };

export const PhotoCropQuerySchema = z
  .object({
    x: pixels.optional().meta({ description: 'Left edge of the crop, in pixels of the upright photo.' }),
    y: pixels.optional().meta({ description: 'Top edge of the crop.' }),
    width: pixels.min(16).optional().meta({ description: 'Width of the crop.' }),
    height: pixels.min(16).optional().meta({ description: 'Height of the crop.' }),
  })
  .refine((crop) => [crop.x, crop.y, crop.width, crop.height].every((value) => value === undefined) || [crop.x, crop.y, crop.width, crop.height].every((value) => value !== undefined), {
    message: 'give x, y, width and height together, or none (the centred square)',
  });

/** The crop a query names, or undefined for the centred square. */
export function photoCropOf(query: z.infer<typeof PhotoCropQuerySchema>): PhotoCrop | undefined {
  const { x, y, width, height } = query;
  return x === undefined || y === undefined || width === undefined || height === undefined ? undefined : { x, y, width, height };
}

export const PHOTO_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const ClaimBodySchema = z.object({ claimToken: z.string().min(1, 'is required').max(100) });
export type ClaimBody = z.infer<typeof ClaimBodySchema>;

export const ExportQuerySchema = z.object({ format: z.enum(['cv', 'json-resume']).default('cv') });
export type ExportFormat = z.infer<typeof ExportQuerySchema>['format'];

/** One `progress` event of GET /api/v1/cvs/{id}/events. */
export const CvProgressEventSchema = z.strictObject({
  status: CvStatusSchema,
  progress: z.int().min(0).max(100),
  message: z.string(),
  error: FailureSchema.optional(),
});
export type CvProgressEvent = z.infer<typeof CvProgressEventSchema>;
