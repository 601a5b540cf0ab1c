import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorNote } from '@/components/ui/error-note';
import { Loading } from '@/components/ui/loading';
import { AuthForm } from '@/features/auth/components/auth-form';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
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
      {signUp ? null : (
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      )}
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

export function ForgotPassword() {
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <p>Enter the e-mail address of your account, and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
}

/** Where the e-mailed link lands: its token is in the fragment (#token=…), which no server sees. */
export function ResetPassword() {
  const navigate = useNavigate();
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.slice(1)).get('token');
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} onDone={() => navigate('/dashboard', { replace: true })} />
      ) : (
        <>
          <ErrorNote>This page needs the link from your password reset e-mail. Open the link from the e-mail, or ask for a new one.</ErrorNote>
          <Link to="/forgot-password">Ask for a new link</Link>
        </>
      )}
    </div>
  );
}

/** The confirmation after signing out or deleting the account (the account page comes here). */
export function Farewell({ what }: { what: 'signed-out' | 'account-deleted' }) {
  return (
    <div className="narrow">
      <h1>{what === 'signed-out' ? 'You are signed out' : 'Your account has been deleted'}</h1>
      <p role="status" className="notice">
        {what === 'signed-out'
          ? 'You have signed out of Resume2Website on this browser. Your CVs and websites are kept in your account.'
          : 'Your account, every CV and its file, and every website made from them are deleted, and published sites are offline.'}
      </p>
      <p>
        {what === 'signed-out' ? (
          <>
            <Link to="/sign-in">Sign in again</Link> or <Link to="/">go to the start page</Link>.
          </>
        ) : (
          <Link to="/">Go to the start page</Link>
        )}
      </p>
    </div>
  );
}
