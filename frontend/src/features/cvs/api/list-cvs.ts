import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cvKeys, type ApiCv } from './types';

export const listCvs = () => api<{ cvs: ApiCv[] }>('/api/v1/cvs').then((r) => r.cvs);

export const cvsQuery = () => queryOptions({ queryKey: cvKeys.all, queryFn: listCvs });

export function useCvs(options: { enabled?: boolean } = {}) {
  return useQuery({ ...cvsQuery(), enabled: options.enabled ?? true });
}
