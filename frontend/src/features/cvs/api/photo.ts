import type { CvResponse, PhotoCrop } from '@r2w/cv-schema/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cvKeys } from './query-keys';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { api, apiResponse } from '@/lib/api-client';

const photoPath = (cvId: string) => `/api/v1/cvs/${encodeURIComponent(cvId)}/photo`;

/** Bytes as a data: address. */
function dataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  // In slices: spreading hundreds of thousands of arguments at once overflows the call stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/** The photo as a data: address. An <img> cannot send the session header, and the app's CSP allows data: images (not blob:), in the preview frame too. */
async function fetchPhoto(cvId: string): Promise<string> {
  const response = await apiResponse(photoPath(cvId), { claimToken: anonymousCvs.claimTokenOf(cvId) });
  return dataUrl(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') ?? 'image/jpeg');
}

/** A chosen file as a data: address, for the crop step. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The CV's uploaded photo (a data: address), or null when it has none. `version` (the CV's updatedAt) refetches it after a change. */
export function useCvPhoto(cvId: string, hasPhoto: boolean, version: string) {
  return useQuery({
    queryKey: [...cvKeys.one(cvId), 'photo', version] as const,
    queryFn: () => fetchPhoto(cvId),
    enabled: hasPhoto,
    staleTime: Infinity,
  });
}

/** After a change the cache takes the CV as the server now has it (hasPhoto, updatedAt). */
function useTakeCv(cvId: string) {
  const queryClient = useQueryClient();
  return ({ cv }: CvResponse) => {
    queryClient.setQueryData(cvKeys.one(cvId), cv);
    void queryClient.invalidateQueries({ queryKey: cvKeys.all, exact: true });
  };
}

export function useUploadPhoto(cvId: string) {
  const onSuccess = useTakeCv(cvId);
  return useMutation({
    mutationFn: ({ file, crop }: { file: Blob; crop: PhotoCrop }) => {
      const query = new URLSearchParams({ x: String(crop.x), y: String(crop.y), width: String(crop.width), height: String(crop.height) });
      return api<CvResponse>(`${photoPath(cvId)}?${query}`, { method: 'PUT', file, claimToken: anonymousCvs.claimTokenOf(cvId) });
    },
    onSuccess,
  });
}

export function useRemovePhoto(cvId: string) {
  const onSuccess = useTakeCv(cvId);
  return useMutation({ mutationFn: () => api<CvResponse>(photoPath(cvId), { method: 'DELETE', claimToken: anonymousCvs.claimTokenOf(cvId) }), onSuccess });
}
