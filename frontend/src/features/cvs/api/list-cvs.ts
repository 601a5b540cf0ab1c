import type { CvListResponse } from '@r2w/cv-schema/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cvKeys } from './query-keys';

export const listCvs = () => api<CvListResponse>('/api/v1/cvs').then((r) => r.cvs);

export const cvsQuery = () => queryOptions({ queryKey: cvKeys.all, queryFn: listCvs });

export function useCvs(options: { enabled?: boolean } = {}) {
  return useQuery({ ...cvsQuery(), enabled: options.enabled ?? true });
}
