import client from 'prom-client';

// One registry per application instance (tests build several apps in one process).
export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  authEvents: client.Counter<'event'>;
  dependencyFailures: client.Counter<'dependency'>;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'r2w_' });
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'r2w_http_requests_total',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'r2w_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    authEvents: new client.Counter({
      name: 'r2w_auth_events_total',
      help: 'Account events: register, login, login_failed, refresh, refresh_reuse, logout, account_deleted, token_rejected.',
      labelNames: ['event'],
      registers: [registry],
    }),
    dependencyFailures: new client.Counter({
      name: 'r2w_dependency_failures_total',
      help: 'Requests that failed because a dependency (database, session store, storage, queue, task runner) did not answer.',
      labelNames: ['dependency'],
      registers: [registry],
    }),
  };
}
