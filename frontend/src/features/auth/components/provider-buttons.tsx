import { useQuery } from '@tanstack/react-query';
import { API_BASE_URL } from '@/lib/api-client';
import { sessionApi } from '../api/session-api';

/** Google and LinkedIn sign-in, shown only when the API has them configured. */
export function ProviderButtons() {
  const providers = useQuery({ queryKey: ['auth', 'providers'], queryFn: sessionApi.providers, staleTime: Infinity });
  const list = providers.data?.providers ?? [];
  if (list.length === 0) return null;
  return (
    <div className="providers">
      {list.map((provider) => (
        <a key={provider.id} className="btn btn-secondary" href={`${API_BASE_URL}/api/v1/auth/oauth/${encodeURIComponent(provider.id)}/start`}>
          Continue with {provider.name}
        </a>
      ))}
      <p className="hint">or use your e-mail:</p>
    </div>
  );
}
