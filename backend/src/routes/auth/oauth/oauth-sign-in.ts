import type { OAuthFailure, Provider, Session } from '@r2w/cv-schema/api';
import { AppError } from '@r2w/cv-schema';
import * as oauth from 'oauth4webapi';
import type { OAuthProviderId, OAuthProviderSettings } from '../../../config/env';
import type { Database } from '../../../db/database';
import type { SessionStore } from '../../../adapters/session-store/session-store';
import type { Logger } from '../../../observability/logger';
import type { Metrics } from '../../../observability/metrics';
import type { AuthService } from '../auth.service';
import { accountForIdentity } from './oauth-accounts';
import { OAuthFlowError } from './oauth-failure';
import { OidcClient, type PendingSignIn } from './oidc-client';
import { PROVIDER_CATALOG } from './provider-catalog';

export interface OAuthSignInDeps {
  providers: OAuthProviderSettings[];
  /** The origin browsers reach the app at. */
  redirectBaseUrl: string;
  sessions: SessionStore;
  db: Database;
  auth: AuthService;
  metrics: Metrics;
  logger: Logger;
}

/** How long the user has at the provider before the sign-in must start again. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

const DEFAULT_NEXT = '/dashboard';

/** A path of this app, or the dashboard: a `next` pointing elsewhere would make sign-in an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.length <= 2000 && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : DEFAULT_NEXT;
}

interface StoredSignIn extends PendingSignIn {
  provider: OAuthProviderId;
  next: string;
}

/**
 * Sign-in with Google or LinkedIn (OpenID Connect authorization code flow). What a
 * sign-in needs at its return (the PKCE verifier, nonce, provider and destination) waits
 * in the session store under its state, so any replica can finish it, once.
 */
export class OAuthSignIn {
  private readonly clients: Map<string, OidcClient>;

  constructor(private readonly deps: OAuthSignInDeps) {
    this.clients = new Map(deps.providers.map((settings) => [settings.id, new OidcClient(settings, PROVIDER_CATALOG[settings.id])]));
  }

  providers(): Provider[] {
    return [...this.clients.entries()].map(([id, client]) => ({ id, name: client.traits.name }));
  }

  private client(provider: string): OidcClient {
    const client = this.clients.get(provider);
    if (!client) throw new AppError('NOT_FOUND', 'There is no such sign-in provider.');
    return client;
  }

  private redirectUri(provider: string): string {
    return `${this.deps.redirectBaseUrl}/api/v1/auth/oauth/${provider}/callback`;
  }

  /** The provider's sign-in address and the state to bind to this browser. */
  async start(provider: string, next: unknown): Promise<{ url: string; state: string }> {
    const client = this.client(provider);
    const state = oauth.generateRandomState();
    const { url, pending } = await this.failing(provider, () => client.begin(this.redirectUri(provider), state));
    const stored: StoredSignIn = { ...pending, provider: provider as OAuthProviderId, next: safeNext(next) };
    await this.deps.sessions.putPending(pendingKey(state), JSON.stringify(stored), SIGN_IN_TTL_MS);
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the provider's answer; `browserState` is the state this
   * browser was given at the start. Returns a session, as a password sign-in does.
   */
  async finish(provider: string, callback: URLSearchParams, browserState: string | undefined): Promise<{ session: Session; next: string }> {
    const client = this.client(provider);
    return this.failing(provider, async () => {
      const state = callback.get('state');
      // Taken at once, so a replayed answer finds nothing, even on another replica.
      const raw = state ? await this.deps.sessions.takePending(pendingKey(state)) : null;
      const stored = raw ? (JSON.parse(raw) as StoredSignIn) : null;
      if (!state || !stored) throw new OAuthFlowError('expired', 'unknown, expired or already used state');
      // Started in another browser: someone may be trying to sign this one in to their account.
      if (browserState !== state || stored.provider !== provider) throw new OAuthFlowError('expired', 'the state was not issued to this browser for this provider');
      const identity = await client.finish(callback, state, this.redirectUri(provider), stored);
      const { user, outcome, passwordCleared } = await accountForIdentity(this.deps.db, stored.provider, identity);
      if (passwordCleared) await this.deps.sessions.deleteAllForUser(user.id);
      const session = await this.deps.auth.startSession(user);
      this.deps.metrics.oauthSignIns.inc({ provider, outcome });
      this.deps.logger.info('signed in with a provider', { provider, outcome, userId: user.id, passwordCleared });
      return { session, next: stored.next };
    });
  }

  /** Counts and logs a failed sign-in; only provider failures are expected, anything else is a fault. */
  private async failing<T>(provider: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      const reason: OAuthFailure = error instanceof OAuthFlowError ? error.reason : 'failed';
      this.deps.metrics.oauthSignIns.inc({ provider, outcome: reason });
      const fields = { provider, reason, err: error instanceof Error ? error.message : String(error) };
      if (error instanceof OAuthFlowError && reason !== 'failed') this.deps.logger.info('provider sign-in failed', fields);
      else this.deps.logger.error('provider sign-in failed', fields);
      throw error instanceof OAuthFlowError ? error : new OAuthFlowError('failed', fields.err, { cause: error });
    }
  }
}

function pendingKey(state: string): string {
  return `oauth-sign-in:${state}`;
}
