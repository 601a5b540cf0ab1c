import type { CvRow } from './cv-access';

export type CvStatus = 'queued' | 'extracting' | 'ready' | 'failed';

// The API shape of a CV. The list leaves the (large) data out.
export function toApiCv(row: CvRow, options: { withData: boolean }) {
  return {
    id: row.id,
    status: row.status as CvStatus,
    progress: row.progress,
    progressMessage: row.progressMessage,
    fileName: row.fileName,
    fileKind: row.fileKind,
    fileSize: row.fileSize,
    extractor: row.extractor,
    claimed: row.userId !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(options.withData && row.data !== null ? { data: row.data } : {}),
    ...(row.status === 'failed' ? { error: { code: row.errorCode ?? 'EXTRACTION_FAILED', message: row.errorMessage ?? 'Extraction failed.' } } : {}),
  };
}

export function progressEvent(row: Pick<CvRow, 'status' | 'progress' | 'progressMessage' | 'errorCode' | 'errorMessage'>) {
  return {
    status: row.status as CvStatus,
    progress: row.progress,
    message: row.progressMessage ?? '',
    ...(row.status === 'failed' ? { error: { code: row.errorCode ?? 'EXTRACTION_FAILED', message: row.errorMessage ?? 'Extraction failed.' } } : {}),
  };
}
