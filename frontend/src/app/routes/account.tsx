import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Field } from '@/components/ui/field';
import { useAuth } from '@/features/auth/components/auth-provider';
import { PlanSummary } from '@/features/payments/components/plan-summary';

export default function Account() {
  const auth = useAuth();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'out' | 'delete' | null>(null);
  const user = auth.user!;

  const run = async (kind: 'out' | 'delete', action: (beforeEnd: () => void) => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      // A page that says it happened, rather than the sign-in page as if nothing had; loaded
      // afresh, so nothing of the account stays in this tab's memory (the query cache).
      await action(() => window.location.replace(kind === 'out' ? '/signed-out' : '/account-deleted'));
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  };

  return (
    <div className="narrow">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        {user.name ? (
          <>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </>
        ) : null}
        <dt>Plan</dt>
        <dd>
          <PlanSummary />
        </dd>
        <dt>Member since</dt>
        <dd>{new Date(user.createdAt).toLocaleDateString()}</dd>
      </dl>
      <Button variant="secondary" busy={busy === 'out'} onClick={() => void run('out', auth.signOut)}>
        Sign out
      </Button>
      <section aria-labelledby="delete-heading" className="panel danger-zone">
        <h2 id="delete-heading">Delete your account</h2>
        <p>This deletes your account, every CV and its file, and every website, published or not. It cannot be undone.</p>
        <Field label="Type DELETE to confirm" value={confirm} onChange={(event) => setConfirm(event.target.value)} autoComplete="off" />
        <Button variant="danger" disabled={confirm !== 'DELETE'} busy={busy === 'delete'} onClick={() => void run('delete', auth.deleteAccount)}>
          Delete my account
        </Button>
      </section>
      <ErrorNote error={error} />
    </div>
  );
}
