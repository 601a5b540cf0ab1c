import { Button } from '@/components/ui/button';
import type { SaveState } from '../hooks/use-cv-draft';

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const text = {
    saved: 'All changes saved.',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    invalid: state.kind === 'invalid' ? `Not saved: ${state.count === 1 ? 'one field needs' : `${state.count} fields need`} a fix (marked below).` : '',
    failed: state.kind === 'failed' ? `Not saved: ${state.message}` : '',
  }[state.kind];
  return (
    <p role="status" className={`save-status save-${state.kind}`}>
      {text}{' '}
      {state.kind === 'failed' ? (
        <Button variant="quiet" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </p>
  );
}
