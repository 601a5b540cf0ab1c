import { useMutation, useQueryClient } from '@tanstack/react-query';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api } from '@/lib/api-client';
import { cvKeys } from './query-keys';

export const deleteCv = (id: string) => api<void>(`/api/v1/cvs/${encodeURIComponent(id)}`, { method: 'DELETE', claimToken: anonymousCvs.claimTokenOf(id) });

export function useDeleteCv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCv,
    onSuccess: (_void, id) => {
      anonymousCvs.forget(id);
      queryClient.removeQueries({ queryKey: cvKeys.one(id) });
      // Its portfolios went with it.
      void queryClient.invalidateQueries({ queryKey: cvKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['portfolios'] });
    },
  });
}
