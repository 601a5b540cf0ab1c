// Viewer-request function of the published-sites distribution (SITES_BASE_URL), runtime
// cloudfront-js-2.0, with the KeyValueStore the API writes (CLOUDFRONT_KVS_ARN) associated.
// CloudFront cannot read the database, so the store maps each published slug to the S3
// prefix of the build it shows; publishing a new build changes the prefix, and with it
// the cache key, so nothing needs invalidating.
//
//   /<slug>/<path>  ->  /<prefix><path>, with index.html for folder paths
//   /<slug>         ->  301 to /<slug>/ (relative links in a site need the slash)
//   anything else, an unsafe path or an unknown slug  ->  404
//
// BASE_PATH is the path the sites are served under: '' on a distribution of their own, or
// '/sites' when they share the SPA's distribution (ecs/src/cdn.ts sets it when it deploys
// this file), so that SITES_BASE_URL is https://<domain>/sites.
import cf from 'cloudfront';

const BASE_PATH = '';

const kvs = cf.kvs();

// The API's own slug rule (backend/src/routes/portfolios/slug.ts), so nothing else is ever looked up.
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
// What the API writes: [S3_KEY_PREFIX]sites/<portfolioId>/<buildId>/. Anything else (say, a
// hand-edited entry pointing at uploads/) is refused rather than served.
const BUILD_PREFIX = /^(?:[\w.-]+\/)*sites\/[\w-]+\/[\w-]+\/$/;

function notFound() {
  return {
    statusCode: 404,
    statusDescription: 'Not Found',
    headers: {
      'content-type': { value: 'text/html; charset=utf-8' },
      // A slug published a moment later must not stay hidden behind a remembered 404.
      'cache-control': { value: 'no-store' },
    },
    body: { encoding: 'text', data: '<!doctype html><meta charset="utf-8"><title>Not found</title><p>There is no published site at this address.</p>' },
  };
}

function redirect(location) {
  return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: location } } };
}

// The path inside the site, or null when it could reach outside the build's folder. S3
// decodes percent-escapes after this check, so encoded separators and dots are refused too.
function pathInSite(rest) {
  if (/%2f|%5c|%2e|%00|\\/i.test(rest)) return null;
  const segments = rest.split('/');
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const isLast = i === segments.length - 1;
    if (segment === '.' || segment === '..' || (segment === '' && !isLast)) return null;
  }
  return rest === '' || rest.endsWith('/') ? rest + 'index.html' : rest;
}

async function handler(event) {
  const request = event.request;
  if (request.uri.slice(0, BASE_PATH.length) !== BASE_PATH) return notFound();
  const match = /^\/([^/]+)(\/.*)?$/.exec(request.uri.slice(BASE_PATH.length));
  if (!match || !SLUG.test(match[1])) return notFound();
  const slug = match[1];
  const path = match[2] === undefined ? '' : pathInSite(match[2].slice(1));
  if (path === null) return notFound();

  let prefix;
  try {
    prefix = await kvs.get(slug);
  } catch (err) {
    // get() throws for an absent key: the slug is not published.
    return notFound();
  }
  if (typeof prefix !== 'string' || !BUILD_PREFIX.test(prefix)) return notFound();
  if (match[2] === undefined) return redirect(BASE_PATH + '/' + slug + '/');

  request.uri = '/' + prefix + path;
  return request;
}
