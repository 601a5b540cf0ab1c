// The HTTP API's contract: request and response schemas of every route, the operations
// table that ties them to paths and statuses, and the OpenAPI document generated from it.
export * from './common';
export * from './auth';
export * from './cvs';
export * from './site-settings';
export * from './portfolios';
export * from './templates';
export * from './health';
export * from './payments';
export { API_PATHS, type ApiOperation, type ApiResponse } from './paths';
export { openApiDocument, type OpenApiDocument } from './openapi';
