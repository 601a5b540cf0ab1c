import { createHash, timingSafeEqual } from 'node:crypto';
import type { CvById } from '../../db/cv-by-id';
import { NotFoundError } from '@r2w/cv-schema';

// Who may see or change a CV, decided here for every CV route: its owner, or, while
// nobody has claimed it, whoever holds the claim token its anonymous upload returned.
// Anything else is answered as if the CV did not exist.

export interface CvCaller {
  userId?: string;
  claimToken?: string;
}

export function hashClaimToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function mayAccess(cv: { userId: string | null; claimTokenHash: string | null }, caller: CvCaller): boolean {
  if (cv.userId) return cv.userId === caller.userId;
  return Boolean(caller.claimToken && cv.claimTokenHash && sameHash(hashClaimToken(caller.claimToken), cv.claimTokenHash));
}

export async function findAccessibleCv(cvById: CvById, id: string, caller: CvCaller) {
  const cv = await cvById(id);
  if (!cv || !mayAccess(cv, caller)) throw new NotFoundError('This CV');
  return cv;
}

export type CvRow = Awaited<ReturnType<typeof findAccessibleCv>>;
