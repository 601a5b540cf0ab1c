import type { TemplateListResponse } from '@r2w/cv-schema/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys } from './query-keys';

export const listTemplates = () => api<TemplateListResponse>('/api/v1/templates').then((r) => r.templates);

export const templatesQuery = () => queryOptions({ queryKey: portfolioKeys.templates, queryFn: listTemplates, staleTime: Infinity });

export function useTemplates() {
  return useQuery(templatesQuery());
}
