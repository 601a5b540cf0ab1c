import type { Cv } from '@r2w/cv-schema';
import { cvLanguage } from '@r2w/portfolio-task/cv-language';
import type { ApiCv, CvProgressEvent, CvStatus } from '@r2w/cv-schema/api';
import type { CvRow } from './cv-access';

// The API shape of a CV. The list leaves the (large) data out. Status, file kind and data
// are plain columns that only the services write, each with the contract's values: the data
// only after validation against the CV schema.

type ProgressColumns = Pick<CvRow, 'status' | 'progress' | 'progressMessage' | 'errorCode' | 'errorMessage'>;

function failureOf(row: ProgressColumns): Pick<ApiCv, 'error'> {
  return row.status === 'failed' ? { error: { code: row.errorCode ?? 'EXTRACTION_FAILED', message: row.errorMessage ?? 'Extraction failed.' } } : {};
}

// Lists name a CV by its person, which only the data knows: two CVs uploaded as cv.pdf differ by it.
function personNameOf(data: CvRow['data']): string | null {
  const name = (data as Cv | null)?.hero?.fullName?.trim();
  return name ? name : null;
}

export function toApiCv(row: CvRow, options: { withData: boolean }) {
  return {
    id: row.id,
    status: row.status as CvStatus,
    progress: row.progress,
    progressMessage: row.progressMessage,
    fileName: row.fileName,
    fileKind: row.fileKind as ApiCv['fileKind'],
    personName: personNameOf(row.data),
    fileSize: row.fileSize,
    extractor: row.extractor,
    claimed: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // Read from the text at each read, which takes a millisecond, so it follows every edit.
    ...(options.withData && row.data !== null ? { data: row.data as Cv, language: cvLanguage(row.data as Cv) } : {}),
    ...failureOf(row),
  } satisfies ApiCv;
}

export function progressEvent(row: ProgressColumns) {
  return { status: row.status as CvStatus, progress: row.progress, message: row.progressMessage ?? '', ...failureOf(row) } satisfies CvProgressEvent;
}
