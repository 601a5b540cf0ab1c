import type { CreatePortfolioBody, Portfolio, PortfolioResponse, UpdatePortfolioBody } from '@r2w/cv-schema/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys } from './query-keys';

export const createPortfolio = (body: CreatePortfolioBody) => api<PortfolioResponse>('/api/v1/portfolios', { method: 'POST', body }).then((r) => r.portfolio);

export const updatePortfolio = (id: string, body: UpdatePortfolioBody) => api<PortfolioResponse>(`/api/v1/portfolios/${encodeURIComponent(id)}`, { method: 'PATCH', body }).then((r) => r.portfolio);

export const deletePortfolio = (id: string) => api<void>(`/api/v1/portfolios/${encodeURIComponent(id)}`, { method: 'DELETE' });

function useStorePortfolio() {
  const queryClient = useQueryClient();
  return (portfolio: Portfolio) => {
    queryClient.setQueryData(portfolioKeys.one(portfolio.id), portfolio);
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.all, exact: true });
  };
}

export function useCreatePortfolio() {
  return useMutation({ mutationFn: createPortfolio, onSuccess: useStorePortfolio() });
}

export function useUpdatePortfolio(id: string) {
  return useMutation({ mutationFn: (changes: UpdatePortfolioBody) => updatePortfolio(id, changes), onSuccess: useStorePortfolio() });
}

export function useDeletePortfolio() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deletePortfolio, onSuccess: () => queryClient.invalidateQueries({ queryKey: portfolioKeys.all }) });
}
