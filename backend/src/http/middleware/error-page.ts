import type { Request, Response } from 'express';
import { ERROR_PAGE_LABELS, renderErrorPage, SITE_CSP } from '@r2w/portfolio-task';

// Addresses people open in a browser (published sites, build previews) answer their errors
// with a page in the sites' look; API clients (and anything that does not prefer HTML) keep
// the JSON error shape. Routes opt in with useErrorPage(res).

export function useErrorPage(res: Response): void {
  res.locals.errorPage = true;
}

/** Whether this request's error should be the HTML page: an opted-in route and a client that prefers HTML to JSON. */
export function wantsErrorPage(req: Request, res: Response): boolean {
  return res.locals.errorPage === true && req.accepts(['application/json', 'text/html']) === 'text/html';
}

const TITLES: Record<number, string> = { 403: 'This link does not work', 404: ERROR_PAGE_LABELS.notFoundTitle };

export function sendErrorPage(res: Response, status: number, message: string, homeHref: string): void {
  const html = renderErrorPage({ title: TITLES[status] ?? 'Something went wrong', text: message, homeHref, homeLabel: ERROR_PAGE_LABELS.backHome });
  // no-store: an address published a moment later must not stay hidden behind a remembered 404.
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': SITE_CSP }).send(html);
}
