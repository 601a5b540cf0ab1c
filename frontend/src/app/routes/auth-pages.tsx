import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { AuthForm } from '@/features/auth/components/auth-form';
import { useAuth } from '@/features/auth/components/auth-provider';
import { ProviderButtons } from '@/features/auth/components/provider-buttons';
import { oauthFailureMessage } from '@/features/auth/oauth-failures';

// Only paths inside the app: a "next" pointing elsewhere would make the sign-in page an open redirect.
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/dashboard';
}

function AuthPage({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const navigate = useNavigate();
  const next = useNext();
  const [params] = useSearchParams();
  const providerFailure = oauthFailureMessage(params);
  const signUp = mode === 'sign-up';
  const other = signUp ? '/sign-in' : '/sign-up';
  return (
    <div className="narrow">
      <h1>{signUp ? 'Create your account' : 'Sign in'}</h1>
      {signUp ? <p>Your uploaded CV is kept in your account, and you can build and publish your site.</p> : null}
      {providerFailure ? <ErrorNote>{providerFailure}</ErrorNote> : null}
      <ProviderButtons next={next} />
      <AuthForm mode={mode} onDone={() => navigate(next, { replace: true })} />
      <p>
        {signUp ? 'Already have an account? ' : 'New here? '}
        <Link to={`${other}?next=${encodeURIComponent(next)}`}>{signUp ? 'Sign in' : 'Create an account'}</Link>
      </p>
    </div>
  );
}

export const SignIn = () => <AuthPage mode="sign-in" />;
export const SignUp = () => <AuthPage mode="sign-up" />;

/** Where a sign-in with Google or LinkedIn lands: the API has set the session cookie; take the session up and go on. */
export function SignInComplete() {
  const auth = useAuth();
  const navigate = useNavigate();
  const next = useNext();
  const [failed, setFailed] = useState(false);
  // Once: the refresh token rotates, so a second attempt would present a spent one.
  const started = useRef(false);
  // After the provider has settled what it already knew (a returning browser refreshes at
  // first): the cookie is now the new session's.
  const settled = auth.state.status !== 'loading';
  useEffect(() => {
    if (!settled || started.current) return;
    started.current = true;
    auth.completeProviderSignIn().then(
      () => navigate(next, { replace: true }),
      () => setFailed(true),
    );
  }, [settled, auth, navigate, next]);
  if (!failed) return <Loading />;
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <ErrorNote>Your sign-in could not be completed. Please sign in again.</ErrorNote>
      <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Back to sign-in</Link>
    </div>
  );
}
