import { createDocument } from 'zod-openapi';
import { CvProgressEventSchema } from './cvs';
import { API_PATHS } from './paths';

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The OpenAPI 3.1 document of the API, generated from the operations table and its schemas. */
export function openApiDocument(): OpenApiDocument {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Resume2Website API',
      version: '1.0.0',
      description:
        'Upload a CV, get it back structured, and build, preview and publish a portfolio site from it. Errors are always `{"error":{"code","message","details"?}}`; every response carries `X-Request-Id`.',
    },
    tags: [
      { name: 'auth', description: 'Accounts and sessions' },
      { name: 'cvs', description: 'Upload, extraction, editing and export of CVs' },
      { name: 'portfolios', description: 'Websites, their builds and publishing' },
      { name: 'payments', description: 'The paid plan that unlocks publishing (Stripe Embedded Checkout)' },
      { name: 'templates', description: 'Site templates' },
      { name: 'sites', description: 'Published sites and build previews, served locally by the API' },
      { name: 'health', description: 'Liveness, readiness and metrics' },
      { name: 'docs', description: 'This documentation' },
    ],
    paths: API_PATHS,
    components: {
      // Sent as server-sent events rather than a JSON body, so no operation refers to it.
      schemas: { CvProgressEvent: CvProgressEventSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken of a session (register, login or refresh); valid 15 minutes.' },
        claimToken: { type: 'apiKey', in: 'header', name: 'X-Claim-Token', description: 'The claimToken an anonymous upload returned: reads and edits that CV until it is claimed.' },
        claimTokenQuery: { type: 'apiKey', in: 'query', name: 'claimToken', description: 'The claim token as a query parameter, for links and EventSource.' },
        accessTokenQuery: { type: 'apiKey', in: 'query', name: 'access_token', description: 'The access token as a query parameter: event streams only (EventSource cannot send headers).' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: 'r2w_refresh', description: 'The httpOnly cookie every session answer sets (path /api/v1/auth).' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when the API is configured with one.' },
        stripeSignature: { type: 'apiKey', in: 'header', name: 'Stripe-Signature', description: 'Stripe’s HMAC of the raw body with STRIPE_WEBHOOK_SECRET and a timestamp.' },
      },
    },
  });
}
