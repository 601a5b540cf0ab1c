// The Content-Security-Policy every page in a site's look is served with: published sites
// (by the API locally, by CloudFront in AWS), build previews and the error pages of addresses
// that show no site. The sites hold no script (JSON-LD is data, not run) and take their styles
// inline; anything else a CV's text might smuggle in has nowhere to run. 'self' for the site's
// own files (favicon, fonts, images) over http or https; https: for photos on other sites.
// Fonts come only from the site itself: a site makes no request to a font service.
// connect-src 'self': no script runs to use it, but tools that read the site's own files from
// inside the page need it (Lighthouse fetches /robots.txt that way, and fails its SEO check
// without it).
export const SITE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
