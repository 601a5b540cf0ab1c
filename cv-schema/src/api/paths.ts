import { z } from 'zod';
import type { oas31, ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import {
  LoginBodySchema,
  MeResponseSchema,
  OAuthCallbackQuerySchema,
  OAuthParamsSchema,
  OAuthStartQuerySchema,
  PasswordResetBodySchema,
  PasswordResetRequestBodySchema,
  PasswordResetRequestResponseSchema,
  ProvidersResponseSchema,
  RefreshBodySchema,
  RegisterBodySchema,
  SessionSchema,
} from './auth';
import {
  ClaimBodySchema,
  CvDocumentSchema,
  CvIdParamsSchema,
  CvListResponseSchema,
  CvResponseSchema,
  ExportQuerySchema,
  JsonResumeDocumentSchema,
  PHOTO_UPLOAD_TYPES,
  PhotoCropQuerySchema,
  UploadBodySchema,
  UploadResponseSchema,
} from './cvs';
import { ErrorBodySchema } from './common';
import { LivenessSchema, NotReadySchema, ReadySchema } from './health';
import {
  BuildListResponseSchema,
  BuildParamsSchema,
  BuildResponseSchema,
  CreatePortfolioBodySchema,
  PortfolioListResponseSchema,
  PortfolioParamsSchema,
  PortfolioResponseSchema,
  PreviewParamsSchema,
  PublishResponseSchema,
  UnpublishResponseSchema,
  UpdatePortfolioBodySchema,
} from './portfolios';
import { CheckoutSessionResponseSchema, PaymentsConfigSchema, SessionStatusParamsSchema, SessionStatusResponseSchema, WebhookResponseSchema } from './payments';
import { answer, json, refusal, refusals } from './responses';
import { TemplateListResponseSchema, TemplateParamsSchema } from './templates';

// Every route the API serves: its parameters, body, and each status it answers with the
// schema of that answer. The OpenAPI document is generated from this table, and the API
// tests check every response they receive against it.

export type ApiOperation = ZodOpenApiOperationObject;
export type ApiResponse = ZodOpenApiResponseObject;

/** Names of `securitySchemes` in the document (openapi.ts). */
const signedIn: oas31.SecurityRequirementObject[] = [{ bearer: [] }];
const ownerOrClaim: oas31.SecurityRequirementObject[] = [{ bearer: [] }, { claimToken: [] }, { claimTokenQuery: [] }];

const noContent = (description: string) => ({ description });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const jsonBody = (schema: z.ZodType) => ({ required: true, content: json(schema) });
const redirect = (description: string) => ({ description, headers: z.object({ Location: z.string().meta({ description: 'Where the browser goes next.' }) }) });

/** An operation of the CV routes. */
const cvs = (operation: Omit<ZodOpenApiOperationObject, 'tags'>): ZodOpenApiOperationObject => ({ tags: ['cvs'], ...operation });
/** An operation on one CV: its id in the path, open to its owner or the holder of its claim token. */
const cv = (operation: Omit<ZodOpenApiOperationObject, 'tags' | 'requestParams'> & { query?: z.ZodObject }) => {
  const { query, ...rest } = operation;
  return cvs({ security: ownerOrClaim, requestParams: { path: CvIdParamsSchema, ...(query ? { query } : {}) }, ...rest });
};
/** An operation on one of the signed-in user's portfolios. */
const portfolio = (operation: Omit<ZodOpenApiOperationObject, 'tags' | 'security'>): ZodOpenApiOperationObject => ({
  tags: ['portfolios'],
  security: signedIn,
  requestParams: { path: PortfolioParamsSchema },
  ...operation,
});

// Named as Express names it (`*path`): the rest of the address, whatever its depth.
const sitePath = z.string().meta({ description: 'A file inside the site; may contain slashes.' });
const siteFile = (description: string) => ({ description, content: { '*/*': { schema: z.string() } } });
/** An error at an address people open in a browser: a page in the sites' look when the client prefers HTML, the error shape otherwise. */
const pageOrRefusal = (description: string) => ({ description, content: { 'text/html': { schema: z.string() }, ...json(ErrorBodySchema) } });
const siteNotFound = pageOrRefusal(
  'NOT_FOUND when nothing is published at this address or the site has no such file: for a browser (HTML preferred to JSON), the site’s own “not found” page, or one in the sites’ look.',
);
const previewRefusals = {
  403: pageOrRefusal('FORBIDDEN: the link is not valid or has expired (a page saying so for a browser).'),
  404: pageOrRefusal('NOT_FOUND: no such build or file (a page saying so for a browser).'),
};

export const API_PATHS: ZodOpenApiPathsObject = {
  '/health/live': {
    get: { tags: ['health'], operationId: 'live', summary: 'The process answers', responses: { 200: answer('Alive.', LivenessSchema), ...refusals() } },
  },
  '/health/ready': {
    get: {
      tags: ['health'],
      operationId: 'ready',
      summary: 'Every dependency answers',
      responses: {
        ...refusals(),
        200: answer('Ready: each check ok.', ReadySchema),
        503: answer('Not ready: the dependencies in `failing` did not answer, or the process is stopping.', NotReadySchema),
      },
    },
  },
  '/metrics': {
    get: {
      tags: ['health'],
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      description: 'Served on the API port only when METRICS_PORT is not set; with METRICS_TOKEN it needs that bearer token.',
      security: [{ metricsToken: [] }, {}],
      responses: {
        200: { description: 'Prometheus text format.', content: { 'text/plain': { schema: z.string() } } },
        ...refusals(401),
        404: refusal(404, 'ROUTE_NOT_FOUND: with METRICS_PORT, metrics are served on that port only.'),
      },
    },
  },

  '/api/v1/openapi.json': {
    get: {
      tags: ['docs'],
      operationId: 'openApiDocument',
      summary: 'This document',
      responses: { 200: answer('OpenAPI 3.1.', z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })), ...refusals() },
    },
  },
  '/api/docs': {
    get: { tags: ['docs'], operationId: 'docsPage', summary: 'This document, to read', responses: { 200: html('Swagger UI, reading /api/v1/openapi.json.'), ...refusals() } },
  },
  '/api/docs/{asset}': {
    get: {
      tags: ['docs'],
      operationId: 'docsAsset',
      summary: 'A script, style sheet or icon of the documentation page',
      requestParams: { path: z.object({ asset: z.string() }) },
      responses: {
        200: { description: 'The file.', content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() }, 'image/png': {} } },
        ...refusals(400, 404),
      },
    },
  },

  '/api/v1/auth/register': {
    post: {
      tags: ['auth'],
      operationId: 'register',
      summary: 'Create an account and sign in',
      requestBody: jsonBody(RegisterBodySchema),
      responses: { 201: answer('Signed in; the refresh token is also set as a cookie.', SessionSchema), ...refusals(400, 413, 415, 429), 409: refusal(409, 'EMAIL_TAKEN: sign in instead.') },
    },
  },
  '/api/v1/auth/login': {
    post: {
      tags: ['auth'],
      operationId: 'login',
      summary: 'Sign in',
      requestBody: jsonBody(LoginBodySchema),
      responses: { 200: answer('Signed in; the refresh token is also set as a cookie.', SessionSchema), ...refusals(400, 413, 415, 429), 401: refusal(401, 'INVALID_CREDENTIALS.') },
    },
  },
  '/api/v1/auth/refresh': {
    post: {
      tags: ['auth'],
      operationId: 'refresh',
      summary: 'A new access token, rotating the refresh token',
      description: 'The refresh token comes from the body or, without one, from the r2w_refresh cookie. Presenting a refresh token that was already rotated away ends the session.',
      security: [{ refreshCookie: [] }, {}],
      requestBody: { content: json(RefreshBodySchema) },
      responses: {
        200: answer('A new session answer; the old refresh token no longer works.', SessionSchema),
        ...refusals(400, 413, 415, 429),
        401: refusal(401, 'INVALID_TOKEN (no or a wrong refresh token) or SESSION_REVOKED (the session has ended, or a rotated token came back).'),
      },
    },
  },
  '/api/v1/auth/password-reset/request': {
    post: {
      tags: ['auth'],
      operationId: 'requestPasswordReset',
      summary: 'E-mail a password reset link',
      description:
        'Answers 202 with the same sentence whether or not the address has an account, so it does not tell who has one. With an account, a link to /reset-password#token=<token> in the SPA is e-mailed; it works once, for PASSWORD_RESET_TTL_MINUTES.',
      requestBody: jsonBody(PasswordResetRequestBodySchema),
      responses: { 202: answer('Accepted.', PasswordResetRequestResponseSchema), ...refusals(400, 413, 415, 429) },
    },
  },
  '/api/v1/auth/password-reset': {
    post: {
      tags: ['auth'],
      operationId: 'resetPassword',
      summary: 'Set a new password with the token from a reset link',
      description: 'Sets the password, ends every session of the account (and every other reset link), and signs in with a new session.',
      requestBody: jsonBody(PasswordResetBodySchema),
      responses: {
        200: answer('Signed in with the new password; the refresh token is also set as a cookie.', SessionSchema),
        ...refusals(413, 415, 429),
        400: refusal(400, 'VALIDATION_FAILED (e.g. a password too short), or RESET_TOKEN_INVALID: the link is unknown, expired or already used.'),
      },
    },
  },
  '/api/v1/auth/logout': {
    post: { tags: ['auth'], operationId: 'logout', summary: 'End this session', security: signedIn, responses: { 204: noContent('Signed out; the cookie is cleared.'), ...refusals(401) } },
  },
  '/api/v1/auth/me': {
    get: { tags: ['auth'], operationId: 'me', summary: 'The signed-in user', security: signedIn, responses: { 200: answer('The user.', MeResponseSchema), ...refusals(401) } },
    delete: {
      tags: ['auth'],
      operationId: 'deleteAccount',
      summary: 'Delete the account',
      description: 'Ends every session, takes published sites offline and deletes the CVs, files, portfolios and sites.',
      security: signedIn,
      responses: { 204: noContent('Deleted.'), ...refusals(401) },
    },
  },
  '/api/v1/auth/providers': {
    get: {
      tags: ['auth'],
      operationId: 'authProviders',
      summary: 'Other ways to sign in',
      responses: { 200: answer('The configured sign-in providers (Google, LinkedIn); empty when none is.', ProvidersResponseSchema), ...refusals() },
    },
  },
  '/api/v1/auth/oauth/{provider}/start': {
    get: {
      tags: ['auth'],
      operationId: 'oauthStart',
      summary: 'Sign in with Google or LinkedIn',
      description: 'A browser navigation, not a fetch: sends the browser to the provider (OpenID Connect authorization code flow with state, nonce and, where the provider takes it, PKCE).',
      requestParams: { path: OAuthParamsSchema, query: OAuthStartQuerySchema },
      responses: {
        302: redirect('To the provider; or, when it cannot be reached, to /sign-in?oauthError=provider_unavailable in the SPA.'),
        404: refusal(404, 'NOT_FOUND: no such provider, or it is not configured.'),
        ...refusals(429),
      },
    },
  },
  '/api/v1/auth/oauth/{provider}/callback': {
    get: {
      tags: ['auth'],
      operationId: 'oauthCallback',
      summary: "The provider's answer",
      description:
        'Where the provider sends the browser back. Signed in: the r2w_refresh cookie is set and the browser goes to /sign-in/complete?next=<path> in the SPA, which picks the session up. Otherwise it goes to /sign-in?oauthError=<reason>&provider=<id>, and no account is created or changed.',
      requestParams: { path: OAuthParamsSchema, query: OAuthCallbackQuerySchema },
      responses: {
        302: redirect('To the SPA: signed in, or the sign-in page with the reason it failed (cancelled, expired, provider_unavailable, invalid_response, email_unverified, email_missing, failed).'),
        404: refusal(404, 'NOT_FOUND: no such provider, or it is not configured.'),
        ...refusals(),
      },
    },
  },

  '/api/v1/cvs': {
    post: cvs({
      operationId: 'uploadCv',
      summary: 'Upload a CV',
      description: 'Anonymous or signed in. The CV is queued for extraction at once; follow it with GET /api/v1/cvs/{id} or its events. Anonymous uploads get a claimToken.',
      security: [{ bearer: [] }, {}],
      requestBody: { required: true, content: { 'multipart/form-data': { schema: UploadBodySchema } } },
      responses: {
        202: answer('Accepted and queued.', UploadResponseSchema),
        ...refusals(400, 401, 429),
        413: refusal(413, 'PAYLOAD_TOO_LARGE: the file is over MAX_UPLOAD_MB.'),
        415: refusal(415, 'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or the file is not a PDF, DOCX or text.'),
      },
    }),
    get: cvs({ operationId: 'listCvs', summary: 'My CVs, newest first (without their data)', security: signedIn, responses: { 200: answer('The CVs.', CvListResponseSchema), ...refusals(401) } }),
  },
  '/api/v1/cvs/import': {
    post: cvs({
      operationId: 'importJsonResume',
      summary: 'Import a JSON Resume document',
      security: signedIn,
      requestBody: jsonBody(JsonResumeDocumentSchema),
      responses: { 201: answer('The imported CV, ready.', CvResponseSchema), ...refusals(400, 401, 413, 415, 429) },
    }),
  },
  '/api/v1/cvs/{id}': {
    get: cv({ operationId: 'getCv', summary: 'A CV with its data', responses: { 200: answer('The CV.', CvResponseSchema), ...refusals(400, 401, 404) } }),
    delete: cv({ operationId: 'deleteCv', summary: 'Delete a CV, its file, portfolios and sites', responses: { 204: noContent('Deleted.'), ...refusals(400, 401, 404) } }),
  },
  '/api/v1/cvs/{id}/events': {
    get: cv({
      operationId: 'followCv',
      summary: 'Extraction progress as server-sent events',
      description:
        'Each `progress` event carries a CvProgressEvent (components/schemas) as its data; the stream ends after `ready` or `failed`, and sends `deleted` if the CV is deleted meanwhile. EventSource cannot send headers, so `?access_token=` works here too.',
      security: [...ownerOrClaim, { accessTokenQuery: [] }],
      responses: { 200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } }, ...refusals(400, 401, 404) },
    }),
  },
  '/api/v1/cvs/{id}/claim': {
    post: cvs({
      operationId: 'claimCv',
      summary: 'Make an anonymous upload mine',
      security: signedIn,
      requestParams: { path: CvIdParamsSchema },
      requestBody: jsonBody(ClaimBodySchema),
      responses: {
        200: answer('The CV, now the signed-in user’s.', CvResponseSchema),
        ...refusals(400, 401, 413, 415),
        404: refusal(404, 'NOT_FOUND: no such CV, a wrong claim token, or claimed already.'),
      },
    }),
  },
  '/api/v1/cvs/{id}/data': {
    put: cv({
      operationId: 'saveCvData',
      summary: 'Replace the CV’s data',
      description: 'Takes the whole CV as GET returned it; the stored extraction report is kept whatever the body says.',
      requestBody: jsonBody(CvDocumentSchema),
      responses: { 200: answer('The saved CV.', CvResponseSchema), ...refusals(400, 401, 404, 413, 415), 409: refusal(409, 'CV_NOT_READY: still being extracted.') },
    }),
  },
  '/api/v1/cvs/{id}/export': {
    get: cv({
      operationId: 'exportCv',
      summary: 'Download the CV as JSON',
      query: ExportQuerySchema,
      responses: {
        200: { description: 'An attachment (Content-Disposition): the CV, or a JSON Resume document.', content: json(z.union([CvDocumentSchema, JsonResumeDocumentSchema])) },
        ...refusals(400, 401, 404),
        409: refusal(409, 'CV_NOT_READY: nothing extracted yet.'),
      },
    }),
  },
  '/api/v1/cvs/{id}/file': {
    get: cv({
      operationId: 'downloadCvFile',
      summary: 'Download the uploaded file',
      responses: {
        200: {
          description: 'The file as uploaded (an attachment).',
          content: { 'application/pdf': {}, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {}, 'text/plain': {} },
        },
        ...refusals(400, 401),
        404: refusal(404, 'NOT_FOUND: no such CV, or it was imported and has no file.'),
      },
    }),
  },
  '/api/v1/cvs/{id}/photo': {
    put: cv({
      operationId: 'uploadCvPhoto',
      summary: 'Upload the profile photo, with its crop',
      description:
        'The body is the image itself (JPEG, PNG or WebP, at most 10 MB). The API keeps the crop turned upright, 512×512, as a JPEG without the upload’s metadata, and sites built from the CV show it. A refused upload leaves any earlier photo as it was.',
      query: PhotoCropQuerySchema,
      requestBody: { required: true, content: Object.fromEntries(PHOTO_UPLOAD_TYPES.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])) },
      responses: {
        200: answer('The CV, with its photo.', CvResponseSchema),
        ...refusals(400, 401, 404, 413, 429),
        409: refusal(409, 'CONFLICT: another photo was saved at the same moment.'),
        415: refusal(415, 'UNSUPPORTED_MEDIA_TYPE: not a JPEG, PNG or WebP image.'),
        422: refusal(422, 'UNPROCESSABLE: the image could not be decoded.'),
      },
    }),
    get: cv({
      operationId: 'getCvPhoto',
      summary: 'The profile photo as stored',
      responses: { 200: { description: 'The photo, 512×512.', content: { 'image/jpeg': {} } }, ...refusals(400, 401), 404: refusal(404, 'NOT_FOUND: no such CV, or it has no photo.') },
    }),
    delete: cv({ operationId: 'removeCvPhoto', summary: 'Remove the profile photo', responses: { 200: answer('The CV, without a photo.', CvResponseSchema), ...refusals(400, 401, 404) } }),
  },

  '/api/v1/templates': {
    get: { tags: ['templates'], operationId: 'listTemplates', summary: 'The site templates', responses: { 200: answer('The templates.', TemplateListResponseSchema), ...refusals() } },
  },
  '/api/v1/templates/{id}/preview': {
    get: {
      tags: ['templates'],
      operationId: 'previewTemplate',
      summary: 'A template filled with a sample CV',
      requestParams: { path: TemplateParamsSchema },
      responses: { 200: html('The home page of a sample site.'), ...refusals(400, 404) },
    },
  },

  '/api/v1/portfolios': {
    post: {
      tags: ['portfolios'],
      operationId: 'createPortfolio',
      summary: 'A website for one of my CVs',
      security: signedIn,
      requestBody: jsonBody(CreatePortfolioBodySchema),
      responses: {
        201: answer('Created.', PortfolioResponseSchema),
        ...refusals(400, 401, 413, 415),
        404: refusal(404, 'NOT_FOUND: no such CV of mine.'),
        409: refusal(409, 'CV_NOT_READY: the CV’s extraction failed; the message says why and what to do.'),
      },
    },
    get: {
      tags: ['portfolios'],
      operationId: 'listPortfolios',
      summary: 'My websites, newest first',
      security: signedIn,
      responses: { 200: answer('The portfolios.', PortfolioListResponseSchema), ...refusals(401) },
    },
  },
  '/api/v1/portfolios/{id}': {
    get: portfolio({ operationId: 'getPortfolio', summary: 'A website', responses: { 200: answer('The portfolio.', PortfolioResponseSchema), ...refusals(400, 401, 404) } }),
    patch: portfolio({
      operationId: 'updatePortfolio',
      summary: 'Change the template, address or settings',
      description: 'Changing the slug of a published site moves it to the new address.',
      requestBody: jsonBody(UpdatePortfolioBodySchema),
      responses: { 200: answer('The portfolio.', PortfolioResponseSchema), ...refusals(400, 401, 404, 413, 415), 409: refusal(409, 'SLUG_TAKEN: choose another address.') },
    }),
    delete: portfolio({ operationId: 'deletePortfolio', summary: 'Delete a website (unpublishing it)', responses: { 204: noContent('Deleted.'), ...refusals(400, 401, 404) } }),
  },
  '/api/v1/portfolios/{id}/builds': {
    post: portfolio({
      operationId: 'startBuild',
      summary: 'Build the site',
      responses: {
        202: answer('Queued; follow it with GET …/builds/{buildId}.', BuildResponseSchema),
        ...refusals(400, 401, 404, 429),
        409: refusal(409, 'CV_NOT_READY: the CV is still being extracted, or its extraction failed (the message says which).'),
      },
    }),
    get: portfolio({ operationId: 'listBuilds', summary: 'The latest builds, newest first', responses: { 200: answer('Up to 20 builds.', BuildListResponseSchema), ...refusals(400, 401, 404) } }),
  },
  '/api/v1/portfolios/{id}/builds/{buildId}': {
    get: portfolio({
      operationId: 'getBuild',
      summary: 'A build’s progress',
      requestParams: { path: BuildParamsSchema },
      responses: { 200: answer('The build; previewUrl once succeeded.', BuildResponseSchema), ...refusals(400, 401, 404) },
    }),
  },
  '/api/v1/portfolios/{id}/publish': {
    post: portfolio({
      operationId: 'publish',
      summary: 'Publish the newest succeeded build',
      description: 'Without a slug yet, one is made from the name on the CV.',
      responses: {
        200: answer('Published at `url`.', PublishResponseSchema),
        ...refusals(401, 404),
        400: refusal(400, 'VALIDATION_FAILED: choose an address (slug) first.'),
        403: refusal(403, 'PAYMENT_REQUIRED: publishing needs a paid plan.'),
        409: refusal(409, 'CONFLICT (no succeeded build to publish) or SLUG_TAKEN.'),
      },
    }),
  },
  '/api/v1/portfolios/{id}/unpublish': {
    post: portfolio({ operationId: 'unpublish', summary: 'Take the site offline', responses: { 200: answer('Unpublished.', UnpublishResponseSchema), ...refusals(400, 401, 404) } }),
  },

  '/api/v1/payments/config': {
    get: {
      tags: ['payments'],
      operationId: 'paymentsConfig',
      summary: 'Whether publishing needs the paid plan, its price, and the key for Stripe.js',
      responses: { 200: answer('On (with the plan) or off (publishing is free).', PaymentsConfigSchema), ...refusals() },
    },
  },
  '/api/v1/payments/checkout-session': {
    post: {
      tags: ['payments'],
      operationId: 'createCheckoutSession',
      summary: 'Start buying the plan (Stripe Embedded Checkout)',
      description: 'Checkout returns to the SPA’s /plan/return?session_id=…; the plan is granted when Stripe’s webhook says the payment is paid.',
      security: signedIn,
      responses: {
        201: answer('The session’s client secret, for Stripe.js.', CheckoutSessionResponseSchema),
        ...refusals(401),
        404: refusal(404, 'NOT_FOUND: payments are off.'),
        409: refusal(409, 'CONFLICT: the plan is already yours.'),
      },
    },
  },
  '/api/v1/payments/session-status/{id}': {
    get: {
      tags: ['payments'],
      operationId: 'checkoutSessionStatus',
      summary: 'Where one of my checkout sessions stands',
      security: signedIn,
      requestParams: { path: SessionStatusParamsSchema },
      responses: { 200: answer('The session and my plan.', SessionStatusResponseSchema), ...refusals(400, 401), 404: refusal(404, 'NOT_FOUND: no such session of mine, or payments are off.') },
    },
  },
  '/api/v1/payments/webhook': {
    post: {
      tags: ['payments'],
      operationId: 'stripeWebhook',
      summary: 'Stripe’s events (signed)',
      description:
        'Verified with the Stripe-Signature header over the raw body. Handles checkout.session.completed, checkout.session.async_payment_succeeded / _failed and charge.refunded; other types are acknowledged and ignored; an event seen before changes nothing.',
      security: [{ stripeSignature: [] }],
      requestBody: { required: true, content: json(z.looseObject({ id: z.string(), type: z.string() })) },
      responses: {
        200: answer('Received (handled, ignored, or seen before).', WebhookResponseSchema),
        400: refusal(400, 'WEBHOOK_SIGNATURE_INVALID: no signature, a wrong one, or too old.'),
        404: refusal(404, 'NOT_FOUND: payments are off.'),
        ...refusals(413),
      },
    },
  },

  '/robots.txt': {
    get: {
      tags: ['sites'],
      operationId: 'robots',
      summary: 'What crawlers may index on this host',
      responses: {
        200: { description: 'The robots.txt rules: published sites and public pages yes; the API, previews and personal pages no.', content: { 'text/plain': { schema: z.string() } } },
        ...refusals(),
      },
    },
  },
  '/sites/{slug}': {
    get: {
      tags: ['sites'],
      operationId: 'siteFolder',
      summary: 'Redirect to the site’s folder',
      requestParams: { path: z.object({ slug: z.string() }) },
      responses: { 301: noContent('To /sites/{slug}/ (Location).'), ...refusals(400) },
    },
  },
  '/sites/{slug}/': {
    get: {
      tags: ['sites'],
      operationId: 'siteHome',
      summary: 'A published site’s home page',
      requestParams: { path: z.object({ slug: z.string() }) },
      responses: { 200: html('The home page.'), ...refusals(400), 404: siteNotFound },
    },
  },
  '/sites/{slug}/{path}': {
    get: {
      tags: ['sites'],
      operationId: 'siteFile',
      summary: 'A file of a published site',
      requestParams: { path: z.object({ slug: z.string(), path: sitePath }) },
      responses: {
        200: siteFile('The file.'),
        ...refusals(400),
        404: siteNotFound,
      },
    },
  },
  '/previews/{buildId}/{token}': {
    get: {
      tags: ['sites'],
      operationId: 'previewFolder',
      summary: 'Redirect to the preview’s folder',
      requestParams: { path: PreviewParamsSchema },
      responses: { 301: noContent('To /previews/{buildId}/{token}/ (Location), for a valid link only.'), ...refusals(400), ...previewRefusals },
    },
  },
  '/previews/{buildId}/{token}/': {
    get: {
      tags: ['sites'],
      operationId: 'previewHome',
      summary: 'A build’s preview (the signed link a build answers with)',
      requestParams: { path: PreviewParamsSchema },
      responses: { 200: html('The home page of the build.'), ...refusals(400), ...previewRefusals },
    },
  },
  '/previews/{buildId}/{token}/{path}': {
    get: {
      tags: ['sites'],
      operationId: 'previewFile',
      summary: 'A file of a build’s preview',
      requestParams: { path: PreviewParamsSchema.extend({ path: sitePath }) },
      responses: { 200: siteFile('The file.'), ...refusals(400), ...previewRefusals },
    },
  },
};
