import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Field } from '@/components/ui/field';
import { fieldErrors } from '@/lib/field-errors';
import { ApiError } from '@/lib/api-client';
import { MIN_PASSWORD } from './auth-form';
import { useAuth } from './auth-provider';

/** A new password for the account of a reset link's token; signs in once it is set. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const auth = useAuth();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problem = password.length < MIN_PASSWORD ? `Use at least ${MIN_PASSWORD} characters.` : null;
    setChecked(problem);
    if (problem) return;
    setBusy(true);
    try {
      await auth.resetPassword(token, password);
      onDone();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const linkRefused = error instanceof ApiError && error.code === 'RESET_TOKEN_INVALID';
  return (
    <form onSubmit={submit} noValidate className="auth-form">
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={checked ?? fieldErrors(error).password}
        hint={`At least ${MIN_PASSWORD} characters. Every other session of your account ends.`}
      />
      <ErrorNote error={error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? null : error} />
      {linkRefused ? <Link to="/forgot-password">Ask for a new link</Link> : null}
      <Button type="submit" busy={busy}>
        Set my new password
      </Button>
    </form>
  );
}
