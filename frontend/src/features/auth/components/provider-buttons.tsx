import { useQuery } from '@tanstack/react-query';
import { API_BASE_URL } from '@/lib/api-client';
import { sessionApi } from '../api/session-api';

/** Google and LinkedIn sign-in, shown only when the API has them configured; `next` is where to land afterwards. */
export function ProviderButtons({ next }: { next: string }) {
  const providers = useQuery({ queryKey: ['auth', 'providers'], queryFn: sessionApi.providers, staleTime: Infinity });
  const list = providers.data?.providers ?? [];
  if (list.length === 0) return null;
  const query = new URLSearchParams({ next });
  return (
    <div className="providers">
      {list.map((provider) => (
        // A navigation, not a fetch: the API sends the browser on to the provider.
        <a key={provider.id} className="btn btn-secondary" href={`${API_BASE_URL}/api/v1/auth/oauth/${encodeURIComponent(provider.id)}/start?${query}`}>
          Continue with {provider.name}
        </a>
      ))}
      <p className="hint">or use your e-mail:</p>
    </div>
  );
}
