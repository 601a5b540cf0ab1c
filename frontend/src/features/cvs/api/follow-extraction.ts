import type { ApiCv, CvProgressEvent, CvStatus } from '@r2w/cv-schema/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { API_BASE_URL, currentAccessToken } from '@/lib/api-client';
import { getCv } from './get-cv';
import { cvKeys } from './query-keys';

const finished = (status: CvStatus) => status === 'ready' || status === 'failed';
const POLL_MS = 1500;

function eventsUrl(cvId: string): string {
  const params = new URLSearchParams();
  const token = currentAccessToken();
  const claimToken = anonymousCvs.claimTokenOf(cvId);
  if (token) params.set('access_token', token);
  else if (claimToken) params.set('claimToken', claimToken);
  return `${API_BASE_URL}/api/v1/cvs/${encodeURIComponent(cvId)}/events?${params}`;
}

/**
 * Keeps the cached CV up to date while it is extracted: live over server-sent events,
 * and by polling if the stream breaks (an expired token, a proxy that buffers). Once it
 * is ready the whole CV, data included, is fetched once.
 */
export function useFollowExtraction(cv: ApiCv | undefined): void {
  const queryClient = useQueryClient();
  const id = cv?.id;
  const active = cv ? !finished(cv.status) : false;

  useEffect(() => {
    if (!id || !active) return;
    let stopped = false;
    let poller: ReturnType<typeof setTimeout> | undefined;

    const apply = (event: CvProgressEvent) => {
      queryClient.setQueryData<ApiCv>(cvKeys.one(id), (old) =>
        old ? { ...old, status: event.status, progress: event.progress, progressMessage: event.message, ...(event.error ? { error: event.error } : {}) } : old,
      );
      if (finished(event.status)) {
        stop();
        void queryClient.invalidateQueries({ queryKey: cvKeys.one(id) });
        void queryClient.invalidateQueries({ queryKey: cvKeys.all, exact: true });
      }
    };

    const poll = async () => {
      if (stopped) return;
      try {
        const latest = await getCv(id);
        queryClient.setQueryData(cvKeys.one(id), latest);
        if (finished(latest.status)) return stop();
      } catch {
        // Try again on the next tick; the page shows the last known state meanwhile.
      }
      poller = setTimeout(poll, POLL_MS);
    };

    const source = typeof EventSource === 'undefined' ? null : new EventSource(eventsUrl(id), { withCredentials: true });
    const stop = () => {
      stopped = true;
      source?.close();
      clearTimeout(poller);
    };
    if (source) {
      source.addEventListener('progress', (message) => apply(JSON.parse((message as MessageEvent<string>).data) as CvProgressEvent));
      source.onerror = () => {
        // The server ends the stream after the last event; anything else falls back to polling.
        source.close();
        if (!stopped) void poll();
      };
    } else {
      void poll();
    }
    return stop;
  }, [id, active, queryClient]);
}
