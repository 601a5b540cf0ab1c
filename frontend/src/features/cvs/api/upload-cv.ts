import type { ApiCv, UploadResponse } from '@r2w/cv-schema/api';
import { API_BASE_URL, ApiError, currentAccessToken, errorFromBody, refreshAccessToken } from '@/lib/api-client';
import { anonymousCvs } from '@/lib/anonymous-cvs';

export const MAX_UPLOAD_MB = 10;

/** Said before any byte is sent, so nobody waits for an upload that cannot succeed. */
export function uploadProblem(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty. Choose the file of your CV.`;
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_MB} MB.`;
  return null;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not the API's JSON (a proxy's error page): the fallback sentence says it.
  }
  return errorFromBody(xhr.status, body, 'The upload failed. Please try again.');
}

// fetch() cannot report upload progress; XMLHttpRequest can.
function send(file: File, token: string | null, onProgress: (fraction: number) => void): Promise<ApiCv> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE_URL}/api/v1/cvs`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted. Check your connection and try again.'));
    xhr.onload = () => {
      if (xhr.status !== 202) return reject(errorOf(xhr));
      const body = JSON.parse(xhr.responseText) as UploadResponse;
      if (body.claimToken) anonymousCvs.remember({ cvId: body.cv.id, claimToken: body.claimToken });
      onProgress(1);
      resolve(body.cv);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export async function uploadCv(file: File, onProgress: (fraction: number) => void): Promise<ApiCv> {
  const problem = uploadProblem(file);
  if (problem) throw new ApiError(400, 'FILE_REFUSED', problem);
  const token = currentAccessToken();
  try {
    return await send(file, token, onProgress);
  } catch (error) {
    // An access token that expired while the page was open: renew it and send the file again.
    if (!(token && error instanceof ApiError && error.status === 401)) throw error;
    onProgress(0);
    return send(file, await refreshAccessToken(), onProgress);
  }
}
