/** The build asked for a template this renderer does not have (a stale or hand-edited portfolio row). */
export class UnknownTemplateError extends Error {
  override readonly name = 'UnknownTemplateError';
  readonly code = 'UNKNOWN_TEMPLATE';

  constructor(readonly templateId: string) {
    super(`Unknown template "${templateId}"`);
  }
}

/** `siteUrl` is not an absolute http(s) address, so canonical links and the sitemap would be wrong. */
export class InvalidSiteUrlError extends Error {
  override readonly name = 'InvalidSiteUrlError';
  readonly code = 'INVALID_SITE_URL';

  constructor(readonly siteUrl: string) {
    super(`Site URL "${siteUrl}" is not an absolute http(s) URL`);
  }
}
