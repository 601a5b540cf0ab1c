import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { useDeleteCv } from '../api/delete-cv';
import { downloadOriginal, exportJsonResume } from '../api/download';
import type { ApiCv } from '@r2w/cv-schema/api';

const STATUS: Record<ApiCv['status'], string> = { queued: 'Waiting', extracting: 'Being read', ready: 'Ready', failed: 'Could not be read' };

/** How lists name a CV: by its person, then its file (several CVs may share a file name). */
export function cvTitle(cv: Pick<ApiCv, 'personName' | 'fileName' | 'status'>): string {
  if (cv.personName) return cv.personName;
  if (cv.status === 'queued' || cv.status === 'extracting') return cv.fileName ? `${cv.fileName} (being read)` : 'A CV being read';
  return cv.fileName ?? 'Imported CV';
}

function CvRow({ cv }: { cv: ApiCv }) {
  const title = cvTitle(cv);
  const remove = useDeleteCv();
  const [error, setError] = useState<unknown>(null);
  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch(setError);
  };
  return (
    <li className="list-row">
      <div>
        <Link to={`/cvs/${cv.id}`}>{title}</Link>
        <span className={`badge badge-${cv.status}`}>{STATUS[cv.status]}</span>
        <p className="hint">
          {cv.personName && cv.fileName ? `${cv.fileName} · ` : null}Added {new Date(cv.createdAt).toLocaleString()}
        </p>
      </div>
      <div className="row-actions">
        {cv.fileName && cv.fileKind ? (
          <Button variant="quiet" onClick={() => run(() => downloadOriginal(cv.id, cv.fileName))}>
            Download original<span className="visually-hidden"> of {cv.fileName}</span>
          </Button>
        ) : null}
        {cv.status === 'ready' ? (
          <Button variant="quiet" onClick={() => run(() => exportJsonResume(cv.id))}>
            Export JSON Resume<span className="visually-hidden"> of {title}</span>
          </Button>
        ) : null}
        <Button
          variant="danger"
          busy={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete the CV of ${title} and the websites made from it?`)) remove.mutate(cv.id, { onError: setError });
          }}
        >
          Delete<span className="visually-hidden"> {title}</span>
        </Button>
      </div>
      <ErrorNote error={error} />
    </li>
  );
}

export function CvList({ cvs }: { cvs: ApiCv[] }) {
  if (cvs.length === 0) return <p>No CVs yet. Upload one to begin.</p>;
  return (
    <ul className="list">
      {cvs.map((cv) => (
        <CvRow key={cv.id} cv={cv} />
      ))}
    </ul>
  );
}
