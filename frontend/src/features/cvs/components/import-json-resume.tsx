import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { useImportJsonResume } from '../api/import-json-resume';
import type { ApiCv } from '@r2w/cv-schema/api';

export function ImportJsonResume({ onImported }: { onImported: (cv: ApiCv) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const importing = useImportJsonResume();
  return (
    <div>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="JSON Resume file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) importing.mutate(file, { onSuccess: onImported });
        }}
      />
      <Button variant="secondary" busy={importing.isPending} onClick={() => input.current?.click()}>
        Import JSON Resume
      </Button>
      <ErrorNote error={importing.error} />
    </div>
  );
}
