import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthForm } from '@/features/auth/components/auth-form';
import { ProviderButtons } from '@/features/auth/components/provider-buttons';

// Only paths inside the app: a "next" pointing elsewhere would make the sign-in page an open redirect.
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

function AuthPage({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const navigate = useNavigate();
  const next = useNext();
  const signUp = mode === 'sign-up';
  const other = signUp ? '/sign-in' : '/sign-up';
  return (
    <div className="narrow">
      <h1>{signUp ? 'Create your account' : 'Sign in'}</h1>
      {signUp ? <p>Your uploaded CV is kept in your account, and you can build and publish your site.</p> : null}
      <ProviderButtons />
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
