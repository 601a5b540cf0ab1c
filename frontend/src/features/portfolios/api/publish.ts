import type { PublishResponse, UnpublishResponse } from '@r2w/cv-schema/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys } from './query-keys';

const base = (id: string) => `/api/v1/portfolios/${encodeURIComponent(id)}`;

export const publish = (id: string) => api<PublishResponse>(`${base(id)}/publish`, { method: 'POST' });
export const unpublish = (id: string) => api<UnpublishResponse>(`${base(id)}/unpublish`, { method: 'POST' });

function usePortfolioMutation<T>(id: string, fn: (id: string) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => fn(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: portfolioKeys.all }) });
}

export const usePublish = (id: string) => usePortfolioMutation(id, publish);
export const useUnpublish = (id: string) => usePortfolioMutation(id, unpublish);
