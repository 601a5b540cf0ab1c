import type { Build, BuildListResponse, BuildResponse } from '@r2w/cv-schema/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { portfolioKeys } from './query-keys';

const base = (portfolioId: string) => `/api/v1/portfolios/${encodeURIComponent(portfolioId)}`;

export const startBuild = (portfolioId: string) => api<BuildResponse>(`${base(portfolioId)}/builds`, { method: 'POST' }).then((r) => r.build);

export const getBuild = (portfolioId: string, buildId: string) => api<BuildResponse>(`${base(portfolioId)}/builds/${encodeURIComponent(buildId)}`).then((r) => r.build);

export const listBuilds = (portfolioId: string) => api<BuildListResponse>(`${base(portfolioId)}/builds`).then((r) => r.builds);

const running = (build: Build | undefined) => build !== undefined && (build.status === 'queued' || build.status === 'running');

/** A build, polled every second while it runs (the API reads each poll's progress from the builder's job). */
export function useBuild(portfolioId: string, buildId: string | null) {
  return useQuery({
    ...queryOptions({ queryKey: portfolioKeys.build(portfolioId, buildId ?? ''), queryFn: () => getBuild(portfolioId, buildId!) }),
    enabled: buildId !== null,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

/** The portfolio's builds, newest first. */
export function useBuilds(portfolioId: string) {
  return useQuery({ queryKey: portfolioKeys.builds(portfolioId), queryFn: () => listBuilds(portfolioId) });
}

export function useStartBuild(portfolioId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startBuild(portfolioId),
    onSuccess: (build) => {
      queryClient.setQueryData(portfolioKeys.build(portfolioId, build.id), build);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.builds(portfolioId) });
    },
  });
}
