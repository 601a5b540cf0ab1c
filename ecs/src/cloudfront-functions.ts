import { readFileSync } from 'node:fs';
import path from 'node:path';

// The CloudFront Functions' sources live as plain files in ecs/functions (so they can be run
// and tested as CloudFront runs them); this reads them for the distribution.

const FUNCTIONS_DIR = path.join(__dirname, '..', 'functions');
const BASE_PATH_LINE = "const BASE_PATH = '';";

export function spaFallbackSource(): string {
  return readFileSync(path.join(FUNCTIONS_DIR, 'spa-fallback.js'), 'utf8');
}

/** The site router for sites served under `basePath` (e.g. /sites) of a shared distribution. */
export function siteRouterSource(basePath: string): string {
  if (!/^(\/[a-z0-9-]+)+$/.test(basePath)) throw new Error(`The sites' base path must look like /sites (got "${basePath}")`);
  const source = readFileSync(path.join(FUNCTIONS_DIR, 'site-router.js'), 'utf8');
  if (source.split(BASE_PATH_LINE).length !== 2) throw new Error(`ecs/functions/site-router.js must declare its base path exactly once as: ${BASE_PATH_LINE}`);
  return source.replace(BASE_PATH_LINE, `const BASE_PATH = '${basePath}';`);
}
