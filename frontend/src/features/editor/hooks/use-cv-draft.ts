import type { Cv } from '@r2w/cv-schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/lib/api-client';
import type { Path } from '../components/fields-editor';
import { applyEdit } from '../lib/date-wording';
import { validateCv } from '../lib/validate';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'invalid'; count: number } | { kind: 'failed'; message: string };

const AUTOSAVE_MS = 800;

/**
 * The CV being edited: changes apply at once (the preview follows them), are checked
 * against the shared schema as they happen, and are saved a moment after typing stops,
 * only when valid. A failed save keeps the draft and says why; nothing typed is lost.
 */
export function useCvDraft(initial: Cv, save: (cv: Cv) => Promise<unknown>) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saving = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (saving.current) await saving.current;
    if (!dirty.current) return;
    const cv = latest.current;
    const found = validateCv(cv);
    setErrors(found);
    const problems = Object.keys(found).length;
    if (problems > 0) return setState({ kind: 'invalid', count: problems });
    dirty.current = false;
    setState({ kind: 'saving' });
    saving.current = saveRef
      .current(cv)
      .then(() => setState(dirty.current ? { kind: 'pending' } : { kind: 'saved' }))
      .catch((error: unknown) => {
        dirty.current = true;
        setState({ kind: 'failed', message: messageOf(error) });
      })
      .finally(() => {
        saving.current = null;
      });
    await saving.current;
  }, []);

  const edit = useCallback(
    (path: Path, value: unknown) => {
      setDraft((current) => {
        const next = applyEdit(current, path, value);
        latest.current = next;
        return next;
      });
      dirty.current = true;
      setState({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page within the autosave delay still saves.
      void flush();
    };
  }, [flush]);

  return { draft, errors, state, edit, saveNow: flush };
}
