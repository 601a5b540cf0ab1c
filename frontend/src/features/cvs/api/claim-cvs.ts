import type { ClaimBody } from '@r2w/cv-schema/api';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api, ApiError } from '@/lib/api-client';

/**
 * Makes this browser's anonymous uploads the signed-in user's. A CV that is gone or was
 * claimed elsewhere (404) is forgotten; one that failed for another reason is kept for
 * the next sign-in.
 */
export async function claimAnonymousCvs(): Promise<void> {
  for (const { cvId, claimToken } of anonymousCvs.list()) {
    try {
      await api(`/api/v1/cvs/${encodeURIComponent(cvId)}/claim`, { method: 'POST', body: { claimToken } satisfies ClaimBody });
      anonymousCvs.forget(cvId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) anonymousCvs.forget(cvId);
    }
  }
}
