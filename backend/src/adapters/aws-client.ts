import type { Config } from '../config/env';

/** The region and endpoint every AWS adapter is built with, from the configuration. */
export function awsConnection(config: Config): { region: string; endpoint: string | undefined } {
  return { region: config.aws.region ?? 'us-east-1', endpoint: config.aws.endpoint };
}
