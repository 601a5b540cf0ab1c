import type { Cv } from '@r2w/cv-schema';
import { cvLanguage } from '@r2w/portfolio-task/cv-language';
import { LRUCache } from 'lru-cache';
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

// Reading the language from the text takes about a millisecond, which the hot read of a CV
// should not pay each time: it is kept per CV version (id and last change), so it still
// follows every edit.
const languages = new LRUCache<string, { language: ReturnType<typeof cvLanguage> }>({ max: 5_000 });

function languageOf(row: CvRow, data: Cv): ReturnType<typeof cvLanguage> {
  const key = `${row.id}@${row.updatedAt.getTime()}`;
  let known = languages.get(key);
  if (!known) {
    known = { language: cvLanguage(data) };
    languages.set(key, known);
  }
  return known.language;
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
    hasPhoto: row.photoKey !== null,
    extractor: row.extractor,
    claimed: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(options.withData && row.data !== null ? { data: row.data as Cv, language: languageOf(row, row.data as Cv) } : {}),
    ...failureOf(row),
  } satisfies ApiCv;
}

export function progressEvent(row: ProgressColumns) {
  return { status: row.status as CvStatus, progress: row.progress, message: row.progressMessage ?? '', ...failureOf(row) } satisfies CvProgressEvent;
}
