import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys, type Portfolio } from './types';

export const listPortfolios = () => api<{ portfolios: Portfolio[] }>('/api/v1/portfolios').then((r) => r.portfolios);

export const portfoliosQuery = () => queryOptions({ queryKey: portfolioKeys.all, queryFn: listPortfolios });

export function usePortfolios(options: { enabled?: boolean } = {}) {
  return useQuery({ ...portfoliosQuery(), enabled: options.enabled ?? true });
}
