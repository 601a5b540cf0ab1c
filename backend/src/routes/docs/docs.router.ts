import path from 'node:path';
import { AppError } from '@r2w/cv-schema';
import { openApiDocument } from '@r2w/cv-schema/api';
import type { Router } from 'express';
import { createRouter } from '../../http/router';

// The API's contract as an OpenAPI document, generated from the shared schemas, and a page
// to read it: Swagger UI, served from its npm package by the API itself (no CDN). The page
// starts Swagger UI from a script file of its own, so the API's Content-Security-Policy
// (scripts from this origin only) holds for it too.

const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resume2Website API</title>
<link rel="icon" href="/api/docs/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="api-docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

// validatorUrl: null keeps the page from sending the document to swagger.io's validator.
const START = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#api-docs', deepLinking: true, validatorUrl: null });\n`;

export function docsRouter(): Router {
  const router = createRouter();
  // Made on first request: every API process would otherwise pay for it at start.
  let document: string | undefined;

  router.get('/api/v1/openapi.json', (_req, res) => {
    document ??= JSON.stringify(openApiDocument());
    res.type('json').send(document);
  });
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/api/docs/:asset', (req, res, next) => {
    const { asset } = req.params;
    if (asset === 'start.js') {
      res.type('js').send(START);
      return;
    }
    if (!SWAGGER_UI_FILES.has(asset)) throw new AppError('NOT_FOUND', `There is no ${asset} here.`);
    res.sendFile(path.join(SWAGGER_UI_DIR, asset), (error) => {
      if (error) next(error);
    });
  });
  return router;
}
