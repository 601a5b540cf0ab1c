import type { CvResponse } from '@r2w/cv-schema/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api } from '@/lib/api-client';
import { cvKeys } from './query-keys';

export const getCv = (id: string) => api<CvResponse>(`/api/v1/cvs/${encodeURIComponent(id)}`, { claimToken: anonymousCvs.claimTokenOf(id) }).then((r) => r.cv);

export const cvQuery = (id: string) => queryOptions({ queryKey: cvKeys.one(id), queryFn: () => getCv(id) });

export function useCv(id: string) {
  return useQuery(cvQuery(id));
}
