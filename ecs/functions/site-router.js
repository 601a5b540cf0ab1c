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

// A browser gets a page; an API client (or anything that does not prefer HTML) the API's
// error shape, as the API answers these addresses locally.
function prefersHtml(request) {
  var accept = request.headers.accept ? request.headers.accept.value : '';
  return /text\/html/.test(accept) && !/^\s*application\/json/.test(accept);
}

function notFound(request) {
  var message = 'There is no published site at this address.';
  var html = prefersHtml(request);
  return {
    statusCode: 404,
    statusDescription: 'Not Found',
    headers: {
      'content-type': { value: html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8' },
      // A slug published a moment later must not stay hidden behind a remembered 404.
      'cache-control': { value: 'no-store' },
      vary: { value: 'Accept' },
    },
    body: {
      encoding: 'text',
      data: html
        ? '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Page not found</title><p>' +
          message +
          '</p></html>'
        : JSON.stringify({ error: { code: 'NOT_FOUND', message: message } }),
    },
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
  if (request.uri.slice(0, BASE_PATH.length) !== BASE_PATH) return notFound(request);
  const match = /^\/([^/]+)(\/.*)?$/.exec(request.uri.slice(BASE_PATH.length));
  if (!match || !SLUG.test(match[1])) return notFound(request);
  const slug = match[1];
  const path = match[2] === undefined ? '' : pathInSite(match[2].slice(1));
  if (path === null) return notFound(request);

  let prefix;
  try {
    prefix = await kvs.get(slug);
  } catch (err) {
    // get() throws for an absent key: the slug is not published.
    return notFound(request);
  }
  if (typeof prefix !== 'string' || !BUILD_PREFIX.test(prefix)) return notFound(request);
  if (match[2] === undefined) return redirect(BASE_PATH + '/' + slug + '/');

  request.uri = '/' + prefix + path;
  return request;
}
