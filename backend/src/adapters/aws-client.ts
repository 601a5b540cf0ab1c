import type { AwsConnection } from '@r2w/storage';
import type { Config } from '../config/env';
import type { Tracing } from '../observability/tracing';

/** The region and endpoint every AWS adapter is built with, from the configuration; its clients traced when X-Ray is on. */
export function awsConnection(config: Config, tracing: Tracing): AwsConnection & { region: string; endpoint: string | undefined } {
  return { region: config.aws.region ?? 'us-east-1', endpoint: config.aws.endpoint, ...(tracing.enabled ? { instrument: (client) => tracing.captureAwsClient(client) } : {}) };
}
