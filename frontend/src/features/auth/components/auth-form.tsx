import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { Field } from '@/components/ui/field';
import { fieldErrors } from '@/lib/field-errors';
import { ApiError } from '@/lib/api-client';
import { useAuth } from './auth-provider';

type Props = { mode: 'sign-in' | 'sign-up'; onDone: () => void };

/** The API's rule for a new password (RegisterBodySchema, PasswordResetBodySchema). */
export const MIN_PASSWORD = 10;

export function AuthForm({ mode, onDone }: Props) {
  const auth = useAuth();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Record<string, string>>({});

  const signUp = mode === 'sign-up';
  const byField = { ...fieldErrors(error), ...checked };
  // Field problems are shown at their fields; the note says only what has no field.
  const general = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? null : error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.email.includes('@')) problems.email = 'Enter your e-mail address, like name@example.com.';
    if (signUp && form.password.length < MIN_PASSWORD) problems.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (!signUp && form.password === '') problems.password = 'Enter your password.';
    setChecked(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      if (signUp) await auth.signUp(form.email, form.password, form.name.trim() || undefined);
      else await auth.signIn(form.email, form.password);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value });

  return (
    <form onSubmit={submit} noValidate className="auth-form">
      {signUp ? <Field label="Your name (optional)" autoComplete="name" value={form.name} onChange={set('name')} error={byField.name} /> : null}
      <Field label="E-mail" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={byField.email} />
      <Field
        label="Password"
        type="password"
        autoComplete={signUp ? 'new-password' : 'current-password'}
        required
        value={form.password}
        onChange={set('password')}
        error={byField.password}
        hint={signUp ? `At least ${MIN_PASSWORD} characters.` : undefined}
      />
      <ErrorNote error={general} />
      <Button type="submit" busy={busy}>
        {signUp ? 'Create account' : 'Sign in'}
      </Button>
    </form>
  );
}
