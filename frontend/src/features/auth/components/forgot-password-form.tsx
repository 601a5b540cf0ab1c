import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Field } from '@/components/ui/field';
import { fieldErrors } from '@/lib/field-errors';
import { ApiError } from '@/lib/api-client';
import { sessionApi } from '../api/session-api';

/** Asks for a reset link; the API answers the same whether or not the address has an account. */
export function ForgotPasswordForm({ initialEmail = '' }: { initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [checked, setChecked] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChecked(email.includes('@') ? null : 'Enter your e-mail address, like name@example.com.');
    if (!email.includes('@')) return;
    setBusy(true);
    try {
      setSent((await sessionApi.requestPasswordReset({ email })).message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <p role="status" className="notice">
        {sent} Check your inbox (and spam folder); the link works once, for a limited time.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="auth-form">
      <Field label="E-mail" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={checked ?? fieldErrors(error).email} />
      <ErrorNote error={error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? null : error} />
      <Button type="submit" busy={busy}>
        Send me a reset link
      </Button>
    </form>
  );
}
