import type { ApiCv } from '@r2w/cv-schema/api';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { ApiError } from '@/lib/api-client';
import { useOriginal } from '../api/read-original';
import { PdfPages } from './pdf-pages';

type Props = { cv: Pick<ApiCv, 'id' | 'fileKind' | 'fileName'> };

/**
 * The CV as it was uploaded, to compare the editor's values with: a PDF page by page, the
 * text of a Word or text file (said which), or a sentence when the CV was imported.
 */
export function OriginalDocument({ cv }: Props) {
  const original = useOriginal(cv, cv.fileKind !== null);
  const name = cv.fileName ?? 'your CV';
  if (cv.fileKind === null) return <p>This CV was imported from JSON Resume, so there is no original document to show.</p>;
  if (original.isPending) return <Loading what="Loading your original CV" />;
  if (original.error) {
    return (
      <>
        <ErrorNote>{original.error instanceof ApiError ? original.error.message : 'We could not read this file here. You can still download it from your dashboard.'}</ErrorNote>
        <Button variant="secondary" onClick={() => void original.refetch()}>
          Try again
        </Button>
      </>
    );
  }
  const file = original.data;
  if (file.kind === 'pdf') {
    return (
      <>
        <p className="hint">{name}, as you uploaded it.</p>
        <PdfPages bytes={file.bytes} />
      </>
    );
  }
  return (
    <>
      <p className="hint">{file.kind === 'docx' ? `The text of your Word document, ${name}, without its layout.` : `Your text file, ${name}, as you uploaded it.`}</p>
      <pre className="original-text" dir="auto" tabIndex={0} aria-label={`Text of ${name}`}>
        {file.text}
      </pre>
    </>
  );
}

export default OriginalDocument;
