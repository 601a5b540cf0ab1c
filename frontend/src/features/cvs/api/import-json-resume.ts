import type { ApiCv, CvResponse } from '@r2w/cv-schema/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import { cvKeys } from './query-keys';

export async function importJsonResume(file: File): Promise<ApiCv> {
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    throw new ApiError(400, 'MALFORMED_JSON', `${file.name} is not a JSON file. Choose a JSON Resume document (resume.json).`);
  }
  return api<CvResponse>('/api/v1/cvs/import', { method: 'POST', body: document }).then((r) => r.cv);
}

export function useImportJsonResume() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importJsonResume, onSuccess: () => queryClient.invalidateQueries({ queryKey: cvKeys.all }) });
}
