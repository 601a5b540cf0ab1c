import { queryOptions, useQuery } from '@tanstack/react-query';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api } from '@/lib/api-client';
import { cvKeys, type ApiCv } from './types';

export const getCv = (id: string) => api<{ cv: ApiCv }>(`/api/v1/cvs/${encodeURIComponent(id)}`, { claimToken: anonymousCvs.claimTokenOf(id) }).then((r) => r.cv);

export const cvQuery = (id: string) => queryOptions({ queryKey: cvKeys.one(id), queryFn: () => getCv(id) });

export function useCv(id: string) {
  return useQuery(cvQuery(id));
}
