// The renderer and its templates. Everything under templates/ and render/ is free of Node
// built-ins, so the SPA can import this module for its live preview and render exactly
// what a build publishes.
export { renderPreviewPage, renderSite, type PackagedFile, type RenderedSite, type RenderOptions, type SiteFile, type SiteSettings } from './render/render-site';
export { renderErrorPage, ERROR_PAGE_LABELS, type ErrorPage } from './render/error-page';
export { SITE_CSP } from './render/site-csp';
export { openGraphCard, OPEN_GRAPH_IMAGE, type OpenGraphCard } from './render/open-graph-card';
export { InvalidSiteUrlError, UnknownTemplateError } from './render/errors';
export {
  TEMPLATES,
  isTemplateId,
  templateById,
  resolveSettings,
  SITE_LANGUAGES,
  type SiteLanguage,
  siteCss,
  type TemplateId,
  type TemplateDefinition,
  type TemplateProps,
  type TemplateSettings,
  type ResolvedSettings,
} from './templates';
export { SAMPLE_CV } from './sample-cv';
