import type { CvResponse } from '@r2w/cv-schema/api';
import type { Cv } from '@r2w/cv-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api } from '@/lib/api-client';
import { cvKeys } from './query-keys';

export const saveCvData = (id: string, data: Cv) =>
  api<CvResponse>(`/api/v1/cvs/${encodeURIComponent(id)}/data`, { method: 'PUT', body: data, claimToken: anonymousCvs.claimTokenOf(id) }).then((r) => r.cv);

export function useSaveCvData(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: Cv) => saveCvData(id, data),
    // The editor holds the draft; the cache takes what the server stored, so other pages agree.
    onSuccess: (cv) => {
      queryClient.setQueryData(cvKeys.one(id), cv);
      void queryClient.invalidateQueries({ queryKey: cvKeys.all, exact: true });
    },
  });
}
