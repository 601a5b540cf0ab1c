import type { PortfolioListResponse } from '@r2w/cv-schema/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys } from './query-keys';

export const listPortfolios = () => api<PortfolioListResponse>('/api/v1/portfolios').then((r) => r.portfolios);

export const portfoliosQuery = () => queryOptions({ queryKey: portfolioKeys.all, queryFn: listPortfolios });

export function usePortfolios(options: { enabled?: boolean } = {}) {
  return useQuery({ ...portfoliosQuery(), enabled: options.enabled ?? true });
}
