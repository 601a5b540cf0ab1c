// Where and as whom the AWS adapters (S3, SQS, ECS) connect, and how quickly they give up.
export interface AwsConnection {
  region: string;
  /** moto_server or another emulator; AWS's own endpoint when absent. */
  endpoint?: string;
  /** The default provider chain (the ECS task role) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Applied to each SDK client once built, e.g. X-Ray's capture in the API; clients are used as built when absent. */
  instrument?: <C extends object>(client: C) => C;
}

/** The client with the connection's instrumentation applied, when it has one. */
export function instrumented<C extends object>(connection: AwsConnection, client: C): C {
  return connection.instrument ? connection.instrument(client) : client;
}

/**
 * Client settings for a caller that is an HTTP request or a worker loop: fail within
 * seconds when the service is unreachable (a prompt 503, a retry later) instead of
 * hanging on the SDK's default backoff.
 */
export function awsClientConfig(connection: AwsConnection, limits: { maxAttempts: number; requestHandler: Record<string, number | boolean> }) {
  return {
    region: connection.region,
    endpoint: connection.endpoint,
    credentials: connection.credentials,
    maxAttempts: limits.maxAttempts,
    requestHandler: { connectionTimeout: 2_000, ...limits.requestHandler },
  };
}
