import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { claimAnonymousCvs } from '@/features/cvs/api/claim-cvs';
import { ApiError } from '@/lib/api-client';
import { AppRoutes } from './routes';

// A 4xx answer will not change on retry; a dropped connection or a 503 may.
const retry = (failures: number, error: unknown) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false, staleTime: 5_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider
        onSignedIn={async () => {
          await claimAnonymousCvs();
          // What the previous user (or nobody) could see must not linger in the cache.
          queryClient.clear();
        }}
      >
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
}
