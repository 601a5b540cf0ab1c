import { anonymousCvs } from '@/lib/anonymous-cvs';
import { apiResponse } from '@/lib/api-client';

// Downloads need the session header, which a plain link cannot send: fetch the file,
// then hand the browser a link to the blob.
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

async function save(path: string, cvId: string, fallbackName: string): Promise<void> {
  const response = await apiResponse(path, { claimToken: anonymousCvs.claimTokenOf(cvId) });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The uploaded file as it was sent (owner or claim token only; 404 for an imported CV). */
export const originalFilePath = (cvId: string) => `/api/v1/cvs/${encodeURIComponent(cvId)}/file`;

export const downloadOriginal = (cvId: string, fileName: string | null) => save(originalFilePath(cvId), cvId, fileName ?? 'cv');

export const exportJsonResume = (cvId: string) => save(`/api/v1/cvs/${encodeURIComponent(cvId)}/export?format=json-resume`, cvId, 'resume.json');
