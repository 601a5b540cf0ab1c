import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { useAuth } from '@/features/auth/components/auth-provider';

export function RequireUser({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return children;
}
