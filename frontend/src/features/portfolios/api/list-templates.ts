import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys, type Template } from './types';

export const listTemplates = () => api<{ templates: Template[] }>('/api/v1/templates').then((r) => r.templates);

export const templatesQuery = () => queryOptions({ queryKey: portfolioKeys.templates, queryFn: listTemplates, staleTime: Infinity });

export function useTemplates() {
  return useQuery(templatesQuery());
}
