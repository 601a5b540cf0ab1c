import { useRef, useState, type DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { ProgressBar } from '@/components/ui/progress-bar';
import { MAX_UPLOAD_MB, uploadCv } from '../api/upload-cv';
import type { ApiCv } from '@r2w/cv-schema/api';

const ACCEPT = '.pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

type Props = { onUploaded: (cv: ApiCv) => void };

export function UploadDropzone({ onUploaded }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async (file: File | undefined) => {
    if (!file || upload) return;
    setError(null);
    setUpload({ name: file.name, fraction: 0 });
    try {
      const cv = await uploadCv(file, (fraction) => setUpload({ name: file.name, fraction }));
      onUploaded(cv);
    } catch (failure) {
      setError(failure);
    } finally {
      setUpload(null);
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void start(event.dataTransfer.files[0]);
  };

  return (
    <section
      aria-labelledby="upload-heading"
      className={['dropzone', dragging ? 'dropzone-active' : ''].join(' ')}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="upload-heading">Upload your CV</h2>
      <p>Drop a PDF, Word (.docx) or text file here, or choose one. Up to {MAX_UPLOAD_MB} MB. No account needed to start.</p>
      <input ref={input} id="cv-file" type="file" accept={ACCEPT} className="visually-hidden" tabIndex={-1} aria-label="CV file" onChange={(event) => void start(event.target.files?.[0])} />
      <Button onClick={() => input.current?.click()} busy={upload !== null}>
        Choose a file
      </Button>
      {upload ? <ProgressBar value={upload.fraction * 100} label={`Uploading ${upload.name}`} /> : null}
      <ErrorNote error={error} />
    </section>
  );
}
