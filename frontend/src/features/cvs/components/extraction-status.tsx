import { Link } from 'react-router';
import { ErrorNote } from '@/components/ui/error-note';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ApiCv } from '@r2w/cv-schema/api';

/** What the extractor is doing with an upload, or why it gave up. */
export function ExtractionStatus({ cv }: { cv: ApiCv }) {
  if (cv.status === 'failed') {
    return (
      <section aria-labelledby="failed-heading" className="panel">
        <h2 id="failed-heading">We could not read this CV</h2>
        <ErrorNote>{cv.error?.message ?? 'Extraction failed.'}</ErrorNote>
        <p>
          <Link to="/">Upload another file</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="extracting-heading" className="panel">
      <h2 id="extracting-heading">Reading {cv.fileName ?? 'your CV'}</h2>
      <ProgressBar value={cv.progress} label="Extracting your CV" message={cv.progressMessage ?? (cv.status === 'queued' ? 'Waiting for a free worker' : null)} />
      <p className="hint">This usually takes a few seconds. You can leave this page; the CV keeps being read.</p>
    </section>
  );
}
