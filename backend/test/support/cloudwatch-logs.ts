import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Moto } from './moto';

// Reading back what reached CloudWatch Logs on moto.

async function withClient<T>(moto: Moto, use: (client: CloudWatchLogsClient) => Promise<T>): Promise<T> {
  const client = new CloudWatchLogsClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/**
 * Creates the log group, as the infrastructure does in AWS. This also loads moto's CloudWatch
 * Logs on its first call (seconds on a busy machine), which would otherwise fall inside the
 * process's flush at exit.
 */
export async function createLogGroup(moto: Moto, group: string): Promise<void> {
  await withClient(moto, (client) => client.send(new CreateLogGroupCommand({ logGroupName: group })));
}

export function logStreamNames(moto: Moto, group: string): Promise<string[]> {
  return withClient(moto, async (client) => {
    const { logStreams = [] } = await client.send(new DescribeLogStreamsCommand({ logGroupName: group }));
    return logStreams.map((s) => s.logStreamName!);
  });
}

/** Every event's message in a stream, oldest first. */
export function readLogEvents(moto: Moto, group: string, stream: string): Promise<string[]> {
  return withClient(moto, async (client) => {
    const messages: string[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await client.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true, nextToken: token }));
      messages.push(...(page.events ?? []).map((e) => e.message ?? ''));
      if (!page.nextForwardToken || page.nextForwardToken === token) return messages;
      token = page.nextForwardToken;
    }
  });
}
