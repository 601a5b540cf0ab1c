import express, { type RequestHandler } from 'express';
import { AppError } from '@r2w/cv-schema';

// express.json() silently skips bodies of other types, which would surface as a
// confusing "field missing" error; say what is wrong instead.
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON with Content-Type: application/json.'));
  }
  next();
};

/** JSON body parsing with a size limit chosen per route (a whole CV is larger than a login). */
export function jsonBody(limit: string): RequestHandler[] {
  return [requireJsonBody, express.json({ limit })];
}
