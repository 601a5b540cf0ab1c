// Viewer-request function of the SPA's default behaviour (runtime cloudfront-js-2.0). The
// SPA routes in the browser (/dashboard, /cvs/<id>, ...): a path that names no file gets
// index.html, and the SPA shows its own "not found" page for a route it does not know.
// Only this behaviour has it, so the API's JSON 404s and the sites' 404s stay as they are
// (a distribution-wide custom error response would replace those too).

async function handler(event) {
  const request = event.request;
  const last = request.uri.slice(request.uri.lastIndexOf('/') + 1);
  // A file name has an extension (assets/index-3f2a.js, favicon.svg); a route has none.
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}
