import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  MessageNotInflight,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { awsClientConfig, instrumented, type AwsConnection } from '@r2w/storage';
import { DependencyError } from '@r2w/cv-schema';
import type { JobQueue, ReceivedJob, ReceiveOptions } from './job-queue';

// The job queue on SQS. Redelivery and dead-lettering are the queue's own: its
// RedrivePolicy (maxReceiveCount, set by the infrastructure) moves a message to the
// dead-letter queue, so this adapter has no maxReceives of its own.
//
// A message whose body is not JSON (not sent by this adapter) is never handed to the
// caller and never deleted: it comes back after each visibility timeout until the
// redrive policy moves it to the dead-letter queue, where an operator can look at it
// (deadLetters() leaves it out too).

// SQS's own limits per ReceiveMessage call.
// SQS's own ceiling for a message's visibility timeout (12 hours).
const MAX_VISIBILITY_SECONDS = 43_200;
const MAX_WAIT_SECONDS = 20;
const MAX_MESSAGES = 10;
// A request that is not long-polling should answer within this; failing fast lets the
// API return 503 instead of hanging on an unreachable queue.
const REQUEST_TIMEOUT_MS = 5_000;

export interface SqsJobQueueOptions extends AwsConnection {
  queueUrl: string;
  deadLetterQueueUrl?: string;
  visibilityTimeoutSeconds: number;
}

export class SqsJobQueue<T> implements JobQueue<T> {
  readonly kind = 'sqs';
  private readonly client: SQSClient;

  constructor(private readonly options: SqsJobQueueOptions) {
    this.client = instrumented(options, new SQSClient(awsClientConfig(options, { maxAttempts: 2, requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true } })));
  }

  async send(body: T, options?: { delaySeconds?: number }): Promise<string> {
    const out = await this.call(() => this.client.send(new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(body), DelaySeconds: options?.delaySeconds })));
    if (!out.MessageId) throw new DependencyError('job queue', new Error('SendMessage answered without a MessageId'));
    return out.MessageId;
  }

  async receive(options?: ReceiveOptions): Promise<ReceivedJob<T>[]> {
    return this.receiveFrom(this.options.queueUrl, {
      maxMessages: options?.maxMessages ?? 1,
      waitSeconds: options?.waitSeconds ?? 0,
      visibilityTimeoutSeconds: this.options.visibilityTimeoutSeconds,
      signal: options?.signal,
    });
  }

  // A receipt SQS no longer honours means the job was delivered again (or already
  // deleted): as with the local queue, that delivery's holder decides, so this is a no-op.
  // SQS documents a stale DeleteMessage as succeeding without deleting; moto deletes.
  async ack(job: ReceivedJob<T>): Promise<void> {
    await this.call(() => this.client.send(new DeleteMessageCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: job.receipt })).catch(ignoreStaleReceipt));
  }

  async retry(job: ReceivedJob<T>, delaySeconds: number): Promise<void> {
    await this.visibleIn(job, delaySeconds);
  }

  async extendVisibility(job: ReceivedJob<T>, seconds: number): Promise<void> {
    await this.visibleIn(job, seconds);
  }

  // Both are "visible again in n seconds": a backoff before the next delivery, or a longer hold.
  private async visibleIn(job: ReceivedJob<T>, seconds: number): Promise<void> {
    await this.call(() =>
      this.client
        .send(new ChangeMessageVisibilityCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: job.receipt, VisibilityTimeout: Math.min(seconds, MAX_VISIBILITY_SECONDS) }))
        .catch(ignoreStaleReceipt),
    );
  }

  /**
   * Peeks at the dead-letter queue (visibility timeout 0, nothing deleted), so at most
   * 10 messages and in SQS's order rather than strictly newest last. A message keeps its
   * ApproximateReceiveCount when redriven and every receive raises it, this peek's
   * included: the count reported leaves out this peek but not earlier ones.
   */
  async deadLetters(limit = MAX_MESSAGES): Promise<{ id: string; body: T; receiveCount: number }[]> {
    if (!this.options.deadLetterQueueUrl) return [];
    const jobs = await this.receiveFrom(this.options.deadLetterQueueUrl, { maxMessages: limit, waitSeconds: 0, visibilityTimeoutSeconds: 0 });
    return jobs.map((job) => ({ id: job.id, body: job.body, receiveCount: job.receiveCount - 1 }));
  }

  async ping(): Promise<void> {
    await this.call(() => this.client.send(new GetQueueAttributesCommand({ QueueUrl: this.options.queueUrl, AttributeNames: ['QueueArn'] })));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async receiveFrom(queueUrl: string, options: { maxMessages: number; waitSeconds: number; visibilityTimeoutSeconds: number; signal?: AbortSignal }): Promise<ReceivedJob<T>[]> {
    const waitSeconds = clamp(Math.ceil(options.waitSeconds), 0, MAX_WAIT_SECONDS);
    if (options.signal?.aborted) return [];
    const out = await this.call(() =>
      this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: clamp(options.maxMessages, 1, MAX_MESSAGES),
          WaitTimeSeconds: waitSeconds,
          VisibilityTimeout: options.visibilityTimeoutSeconds,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
        // The server holds a long poll open for waitSeconds before answering. A stop cuts it
        // short: a message SQS handed out meanwhile comes back after its visibility timeout.
        { requestTimeout: waitSeconds * 1000 + REQUEST_TIMEOUT_MS, abortSignal: options.signal },
      ),
    ).catch((error: unknown) => {
      if (options.signal?.aborted) return { Messages: [] };
      throw error;
    });
    return (out.Messages ?? []).flatMap((message) => {
      const job = toJob<T>(message);
      return job ? [job] : [];
    });
  }

  private async call<R>(request: () => Promise<R>): Promise<R> {
    try {
      return await request();
    } catch (err) {
      throw new DependencyError('job queue', err);
    }
  }
}

function toJob<T>(message: Message): ReceivedJob<T> | undefined {
  if (!message.MessageId || !message.ReceiptHandle || message.Body === undefined) return undefined;
  let body: T;
  try {
    body = JSON.parse(message.Body) as T;
  } catch {
    return undefined;
  }
  return {
    id: message.MessageId,
    body,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 1),
    receipt: message.ReceiptHandle,
  };
}

function ignoreStaleReceipt(err: unknown): void {
  if (err instanceof ReceiptHandleIsInvalid || err instanceof MessageNotInflight) return;
  throw err;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
