import { messageOf } from '@/lib/api-client';

/** A failure, said in a sentence, where it happened. Announced by screen readers. */
export function ErrorNote({ error, children }: { error?: unknown; children?: React.ReactNode }) {
  if (!error && !children) return null;
  return (
    <div role="alert" className="error-note">
      {children ?? messageOf(error)}
    </div>
  );
}
