import type { Session, User } from '@r2w/cv-schema/api';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, setTokenSource } from '@/lib/api-client';
import { sessionApi } from '../api/session-api';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: User };

export type Auth = {
  state: AuthState;
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, password: string, name?: string): Promise<void>;
  /** Takes up the session a Google or LinkedIn sign-in left in the refresh cookie; rejects when there is none. */
  completeProviderSignIn(): Promise<void>;
  /** Sets a new password with the token of a reset link, and signs in (the account's other sessions end). */
  resetPassword(token: string, password: string): Promise<void>;
  /**
   * `beforeEnd` runs once the API has ended the session, in the same render as the change to
   * anonymous: navigating there keeps pages that need a user from redirecting to sign-in first.
   */
  signOut(beforeEnd?: () => void): Promise<void>;
  deleteAccount(beforeEnd?: () => void): Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

// Whether this browser was signed in: the refresh cookie itself is httpOnly, out of reach
// of scripts, so a harmless flag beside it says whether asking for a refresh makes sense.
const HINT = 'r2w.signedIn';
const sessionHint = {
  present: () => localStorage.getItem(HINT) === '1',
  set: () => localStorage.setItem(HINT, '1'),
  clear: () => localStorage.removeItem(HINT),
};

function serialized<T>(task: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('r2w-session-refresh', task) as Promise<T>) : task();
}

type Props = {
  children: ReactNode;
  /** Runs after every sign-in or sign-up, before the app sees the new user (e.g. to claim anonymous uploads). */
  onSignedIn?: () => Promise<void>;
};

export function AuthProvider({ children, onSignedIn }: Props) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const token = useRef<string | null>(null);
  const refreshing = useRef<Promise<Session | null> | null>(null);

  const adopt = useCallback((result: Session) => {
    token.current = result.accessToken;
    sessionHint.set();
    setState({ status: 'signed-in', user: result.user });
  }, []);

  const endSession = useCallback(() => {
    token.current = null;
    sessionHint.clear();
    setState({ status: 'anonymous' });
  }, []);

  // One refresh at a time: parallel requests that all met an expired token share it. Other
  // tabs wait too (a Web Lock), since the refresh token rotates: two tabs sending the same
  // one would look like a stolen token and end the session.
  const refreshSession = useCallback(() => {
    refreshing.current ??= serialized(sessionApi.refresh)
      .catch(() => null)
      .finally(() => {
        refreshing.current = null;
      });
    return refreshing.current;
  }, []);

  const refresh = useCallback(async () => {
    const result = await refreshSession();
    if (!result) {
      endSession();
      return null;
    }
    adopt(result);
    return result.accessToken;
  }, [refreshSession, adopt, endSession]);

  useEffect(() => {
    setTokenSource({ accessToken: () => token.current, refresh });
    // A returning visitor still has the refresh cookie: pick the session up silently. Only
    // then: a first-time visitor has nothing to refresh (and would get a 401 for it).
    if (sessionHint.present()) void refresh();
    else setState({ status: 'anonymous' });
  }, [refresh]);

  const signedIn = useCallback(
    async (result: Session) => {
      token.current = result.accessToken;
      await onSignedIn?.().catch(() => undefined);
      adopt(result);
    },
    [adopt, onSignedIn],
  );

  const auth = useMemo<Auth>(
    () => ({
      state,
      user: state.status === 'signed-in' ? state.user : null,
      signIn: async (email, password) => signedIn(await sessionApi.login({ email, password })),
      signUp: async (email, password, name) => signedIn(await sessionApi.register({ email, password, ...(name ? { name } : {}) })),
      resetPassword: async (token, password) => signedIn(await sessionApi.resetPassword({ token, password })),
      completeProviderSignIn: async () => {
        // Shared with a refresh already under way (this page's first load may start one).
        const result = await refreshSession();
        if (!result) {
          endSession();
          throw new Error('The sign-in left no session.');
        }
        await signedIn(result);
      },
      signOut: async (beforeEnd) => {
        try {
          await sessionApi.logout();
        } catch (error) {
          // A session that already ended is signed out all the same.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        beforeEnd?.();
        endSession();
      },
      deleteAccount: async (beforeEnd) => {
        await sessionApi.deleteAccount();
        beforeEnd?.();
        endSession();
      },
    }),
    [state, signedIn, endSession, refreshSession],
  );

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthProvider> above it');
  return auth;
}
