import client from 'prom-client';
import { createOutcomeMetrics, type OutcomeMetrics } from './emf';

// One registry per application instance (tests build several apps in one process).
export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  authEvents: client.Counter<'event'>;
  oauthSignIns: client.Counter<'provider' | 'outcome'>;
  passwordResets: client.Counter<'event'>;
  mailMessages: client.Counter<'driver' | 'outcome'>;
  dependencyFailures: client.Counter<'dependency'>;
  cvUploads: client.Counter<'kind' | 'outcome'>;
  uploadBytes: client.Histogram<'kind'>;
  photoUploads: client.Counter<'outcome'>;
  cvEventStreams: client.Gauge;
  anonymousCvsDeleted: client.Counter;
  buildsExpired: client.Counter<'kind'>;
  rateLimited: client.Counter<'limit'>;
  rateLimitStoreErrors: client.Counter<'limit'>;
  extractionJobs: client.Counter<'outcome' | 'extractor'>;
  extractionDuration: client.Histogram<'extractor'>;
  extractionStage: client.Histogram<'stage'>;
  extractionRejectedValues: client.Counter<'extractor'>;
  extractionFittedValues: client.Counter<'extractor'>;
  parserJobs: client.Counter<'job' | 'outcome'>;
  parserRecycled: client.Counter<'reason'>;
  parserProcesses: client.Gauge<'state'>;
  parserWaiting: client.Gauge;
  signalsSent: client.Counter<'outcome'>;
  claudeCalls: client.Counter<'outcome'>;
  claudeTokens: client.Counter<'kind'>;
  claudeCircuitOpen: client.Gauge;
  extractionFallbacks: client.Counter<'extractor'>;
  openaiCompatibleCalls: client.Counter<'outcome'>;
  openaiCompatibleCallDuration: client.Histogram<'outcome'>;
  openaiCompatibleTokens: client.Counter<'kind'>;
  openaiCompatibleCircuitOpen: client.Gauge;
  builds: client.Counter<'outcome'>;
  siteRequests: client.Counter<'kind' | 'status'>;
  compressedResponses: client.Counter<'encoding'>;
  errorPages: client.Counter<'status'>;
  robotsRequests: client.Counter;
  sitePointerChanges: client.Counter<'action' | 'outcome'>;
  /** Extraction and build outcomes as CloudWatch embedded metrics (METRICS_EMF), beside the counters above. */
  outcomes: OutcomeMetrics;
  paymentWebhookEvents: client.Counter<'type' | 'outcome'>;
  checkoutSessions: client.Counter<'outcome'>;
  planChanges: client.Counter<'change'>;
}

export function createMetrics(options: { emf?: boolean; writeEmf?: (line: string) => void } = {}): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'r2w_' });
  return {
    registry,
    outcomes: createOutcomeMetrics(options.emf ?? false, options.writeEmf),
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
    passwordResets: new client.Counter({
      name: 'r2w_password_reset_events_total',
      help: 'Password resets: requested (a link was made), requested_unknown_email (nothing sent), reset, and refused_unknown, refused_expired, refused_used for links that did not work.',
      labelNames: ['event'],
      registers: [registry],
    }),
    mailMessages: new client.Counter({
      name: 'r2w_mail_messages_total',
      help: 'Mail handed to the sender (outbox or ses) by outcome: sent or failed.',
      labelNames: ['driver', 'outcome'],
      registers: [registry],
    }),
    oauthSignIns: new client.Counter({
      name: 'r2w_oauth_sign_ins_total',
      help: 'Sign-ins with Google or LinkedIn by provider and outcome: signed_in, linked, signed_up, or why it failed (cancelled, expired, provider_unavailable, invalid_response, email_unverified, email_missing, failed).',
      labelNames: ['provider', 'outcome'],
      registers: [registry],
    }),
    dependencyFailures: new client.Counter({
      name: 'r2w_dependency_failures_total',
      help: 'Requests that failed because a dependency (database, session store, storage, queue, task runner) did not answer.',
      labelNames: ['dependency'],
      registers: [registry],
    }),
    cvUploads: new client.Counter({
      name: 'r2w_cv_uploads_total',
      help: 'CV uploads and imports by file kind and outcome (accepted, or the refusal code).',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    uploadBytes: new client.Histogram({
      name: 'r2w_cv_upload_bytes',
      help: 'Size of accepted CV uploads.',
      labelNames: ['kind'],
      buckets: [10e3, 50e3, 100e3, 250e3, 500e3, 1e6, 2.5e6, 5e6, 10e6],
      registers: [registry],
    }),
    photoUploads: new client.Counter({
      name: 'r2w_photo_uploads_total',
      help: 'Profile photo uploads by outcome (accepted, or the refusal code).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    anonymousCvsDeleted: new client.Counter({
      name: 'r2w_anonymous_cvs_deleted_total',
      help: 'Unclaimed anonymous CVs deleted (with their files) after the retention period.',
      registers: [registry],
    }),
    buildsExpired: new client.Counter({
      name: 'r2w_builds_expired_total',
      help: 'Expired builds swept after BUILD_RETENTION_DAYS: kind=build (an unpublished build, row and files), kind=orphan_files (files under sites/ or builds/ of a build with no row).',
      labelNames: ['kind'],
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: 'r2w_rate_limited_total',
      help: 'Requests refused with 429 by a rate limit or a quota (limit: its name, e.g. login_per_ip, active_builds).',
      labelNames: ['limit'],
      registers: [registry],
    }),
    rateLimitStoreErrors: new client.Counter({
      name: 'r2w_rate_limit_store_errors_total',
      help: 'Requests let through uncounted because the rate-limit store (Redis) did not answer, by limit.',
      labelNames: ['limit'],
      registers: [registry],
    }),
    cvEventStreams: new client.Gauge({
      name: 'r2w_cv_event_streams',
      help: 'Open server-sent event streams of extraction progress.',
      registers: [registry],
    }),
    extractionJobs: new client.Counter({
      name: 'r2w_extraction_jobs_total',
      help: 'Extraction jobs by outcome (ready, failed, retried, skipped) and extractor.',
      labelNames: ['outcome', 'extractor'],
      registers: [registry],
    }),
    extractionDuration: new client.Histogram({
      name: 'r2w_extraction_duration_seconds',
      help: 'Time from taking an extraction job to its result, by extractor.',
      labelNames: ['extractor'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80],
      registers: [registry],
    }),
    extractionStage: new client.Histogram({
      name: 'r2w_extraction_stage_seconds',
      help: 'Time of each step from upload to ready: queue_wait (upload to a worker taking the job), read_file, text, gate, extract, source_check, fit, save.',
      labelNames: ['stage'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    extractionFittedValues: new client.Counter({
      name: 'r2w_extraction_fitted_values_total',
      help: 'Extracted values cut or moved to the unplaced text so the CV fits its schema (over-long text or lists).',
      labelNames: ['extractor'],
      registers: [registry],
    }),
    extractionRejectedValues: new client.Counter({
      name: 'r2w_extraction_rejected_values_total',
      help: 'Extracted values dropped because they do not appear in the CV text (hallucinations).',
      labelNames: ['extractor'],
      registers: [registry],
    }),
    parserJobs: new client.Counter({
      name: 'r2w_parser_jobs_total',
      help: 'Jobs run by the parser pool, by job (parse: a file to text; extract: the offline extractor on that text) and outcome: ok, refused (the file is not readable as a CV), timeout, memory_limit, crashed.',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    parserRecycled: new client.Counter({
      name: 'r2w_parser_recycled_total',
      help: 'Parser processes killed and replaced, by reason: max_jobs, or the outcome of their last file (refused, timeout, memory_limit, crashed).',
      labelNames: ['reason'],
      registers: [registry],
    }),
    parserProcesses: new client.Gauge({
      name: 'r2w_parser_processes',
      help: 'Parser processes by state: idle (warm, waiting for a file) or busy (parsing or starting for a file).',
      labelNames: ['state'],
      registers: [registry],
    }),
    signalsSent: new client.Counter({
      name: 'r2w_signals_sent_total',
      help: 'Signals (a job queued, a CV changed) sent to other processes on this machine, by outcome: sent, stale_peer (its process was gone; its socket was removed), failed.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    parserWaiting: new client.Gauge({
      name: 'r2w_parser_waiting_files',
      help: 'Files waiting for a free parser process.',
      registers: [registry],
    }),
    claudeCalls: new client.Counter({
      name: 'r2w_claude_calls_total',
      help: 'Claude extraction calls by outcome: ok, api_error, malformed, circuit_open.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    claudeTokens: new client.Counter({
      name: 'r2w_claude_tokens_total',
      help: 'Claude tokens by kind: input, output, cache_read, cache_write.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    builds: new client.Counter({
      name: 'r2w_builds_total',
      help: 'Portfolio builds by outcome: started, not_started, succeeded, failed, died, timed_out, published.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    siteRequests: new client.Counter({
      name: 'r2w_site_requests_total',
      help: 'Requests for published sites and build previews, by kind and status.',
      labelNames: ['kind', 'status'],
      registers: [registry],
    }),
    compressedResponses: new client.Counter({
      name: 'r2w_http_compressed_responses_total',
      help: 'Responses sent compressed, by Content-Encoding (br, gzip, deflate).',
      labelNames: ['encoding'],
      registers: [registry],
    }),
    errorPages: new client.Counter({
      name: 'r2w_error_pages_total',
      help: 'Errors answered with the HTML page (browsers at site and preview addresses) rather than JSON, by status.',
      labelNames: ['status'],
      registers: [registry],
    }),
    robotsRequests: new client.Counter({
      name: 'r2w_robots_txt_requests_total',
      help: 'Requests for /robots.txt (crawlers reading what they may index).',
      registers: [registry],
    }),
    sitePointerChanges: new client.Counter({
      name: 'r2w_site_pointer_changes_total',
      help: 'Changes to what a published address shows (action: set, remove; outcome: ok, failed), undos included.',
      labelNames: ['action', 'outcome'],
      registers: [registry],
    }),
    paymentWebhookEvents: new client.Counter({
      name: 'r2w_payment_webhook_events_total',
      help: 'Stripe webhook events by type (other for types not handled) and outcome: applied, unchanged, ignored, duplicate, rejected (bad signature), failed.',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    checkoutSessions: new client.Counter({
      name: 'r2w_checkout_sessions_total',
      help: 'Checkout sessions asked of Stripe, by outcome: created, failed.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    planChanges: new client.Counter({
      name: 'r2w_plan_changes_total',
      help: 'Users whose plan changed: granted, revoked.',
      labelNames: ['change'],
      registers: [registry],
    }),
    claudeCircuitOpen: new client.Gauge({
      name: 'r2w_claude_circuit_open',
      help: '1 while the Claude circuit breaker is open (the offline extractor does the work).',
      registers: [registry],
    }),
    extractionFallbacks: new client.Counter({
      name: 'r2w_extraction_fallbacks_total',
      help: 'CVs extracted by the fallback (offline) extractor because the model extractor failed or its circuit was open, by the extractor that failed.',
      labelNames: ['extractor'],
      registers: [registry],
    }),
    openaiCompatibleCalls: new client.Counter({
      name: 'r2w_openai_compatible_calls_total',
      help: 'Calls to the OpenAI-compatible server by outcome: ok, http_error, timeout, unreachable, invalid_response, circuit_open; malformed when an answer (also counted ok) holds no usable record_cv.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    openaiCompatibleCallDuration: new client.Histogram({
      name: 'r2w_openai_compatible_call_duration_seconds',
      help: 'Time of one extraction call to the OpenAI-compatible server, retries included, by outcome.',
      labelNames: ['outcome'],
      // Local models on a CPU take minutes over a long CV.
      buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    openaiCompatibleTokens: new client.Counter({
      name: 'r2w_openai_compatible_tokens_total',
      help: 'Tokens the OpenAI-compatible server reported, by kind: input, output.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    openaiCompatibleCircuitOpen: new client.Gauge({
      name: 'r2w_openai_compatible_circuit_open',
      help: "1 while the OpenAI-compatible server's circuit breaker is open (the offline extractor does the work).",
      registers: [registry],
    }),
  };
}
