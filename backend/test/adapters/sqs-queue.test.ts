import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { SqsJobQueue } from '../../src/adapters/queue/sqs-queue';
import { DependencyError } from '@r2w/cv-schema';
import { expectPromptAwsFailure } from '../support/aws-failures';
import { startMoto, type Moto } from '../support/moto';
import { freePort } from '../support/ports';
import { describeJobQueueContract } from './queue.contract';

let moto: Moto;
let sqs: SQSClient;
let queueNumber = 0;

beforeAll(async () => {
  moto = await startMoto();
  sqs = new SQSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
}, 40_000);

afterAll(async () => {
  sqs?.destroy();
  await moto?.stop();
});

/** A fresh main queue whose RedrivePolicy sends messages to a fresh dead-letter queue, as the infrastructure sets it up. */
async function createQueues(options: { visibilityTimeoutSeconds: number; maxReceives: number }) {
  queueNumber += 1;
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `jobs-dlq-${queueNumber}` }));
  const dlqAttributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: `jobs-${queueNumber}`,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn, maxReceiveCount: options.maxReceives }),
      },
    }),
  );
  const urls = { queueUrl: main.QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl! };
  const queue = new SqsJobQueue<any>({
    ...urls,
    region: moto.region,
    endpoint: moto.endpoint,
    credentials: moto.credentials,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
  });
  return {
    queue,
    urls,
    async cleanup() {
      await queue.close();
      await sqs.send(new DeleteQueueCommand({ QueueUrl: urls.queueUrl }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: urls.deadLetterQueueUrl }));
    },
  };
}

describeJobQueueContract('SQS (moto)', createQueues);

describe('SqsJobQueue against moto', () => {
  it('leaves a body that is not JSON undelivered until the redrive policy dead-letters it', async () => {
    const { queue, urls, cleanup } = await createQueues({ visibilityTimeoutSeconds: 1, maxReceives: 2 });
    try {
      const poison = await sqs.send(new SendMessageCommand({ QueueUrl: urls.queueUrl, MessageBody: 'not json {' }));
      const id = await queue.send({ cvId: 'cv-1' });

      const jobs = await queue.receive({ maxMessages: 10, waitSeconds: 1 });
      expect(jobs.map((job) => job.id)).toEqual([id]);
      await queue.ack(jobs[0]!);
      // Its second delivery, after the visibility timeout, is skipped too; the next is redriven.
      expect(await queue.receive({ maxMessages: 10, waitSeconds: 2 })).toEqual([]);
      expect(await queue.receive({ maxMessages: 10, waitSeconds: 2 })).toEqual([]);

      const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: urls.deadLetterQueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      expect(dead.Messages?.map((message) => [message.MessageId, message.Body])).toEqual([[poison.MessageId, 'not json {']]);
      // deadLetters() can only list what it can type.
      expect(await queue.deadLetters()).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('fails fast with DependencyError when SQS does not answer', async () => {
    const closedPort = await freePort();
    const queue = new SqsJobQueue<any>({
      queueUrl: `http://127.0.0.1:${closedPort}/123456789012/jobs`,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${closedPort}`,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      visibilityTimeoutSeconds: 30,
    });
    for (const call of [() => queue.send({ n: 1 }), () => queue.receive({ waitSeconds: 1 }), () => queue.ping()]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DependencyError);
      expect(err).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', status: 503, dependency: 'job queue' });
      expectPromptAwsFailure(err, 2);
    }
    await queue.close();
  });
});

describe('SqsJobQueue requests', () => {
  const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/cv-extraction';
  const deadLetterQueueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/cv-extraction-dlq';
  const options = { queueUrl, region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, visibilityTimeoutSeconds: 45 };
  let sqsMock: AwsClientStub<SQSClient>;
  let queue: SqsJobQueue<{ cvId: string }>;

  beforeAll(() => {
    sqsMock = mockClient(SQSClient);
  });
  beforeEach(() => {
    sqsMock.reset();
    queue = new SqsJobQueue({ ...options, deadLetterQueueUrl });
  });
  afterEach(() => queue.close());
  afterAll(() => sqsMock.restore());

  it('receives with long polling, the visibility timeout and the receive count, within SQS limits', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({
      Messages: [
        { MessageId: 'm-1', ReceiptHandle: 'r-1', Body: '{"cvId":"cv-1"}', Attributes: { ApproximateReceiveCount: '3' } },
        { MessageId: 'm-2', ReceiptHandle: 'r-2', Body: 'not json {', Attributes: { ApproximateReceiveCount: '1' } },
      ],
    });

    const jobs = await queue.receive({ maxMessages: 25, waitSeconds: 60 });

    expect(sqsMock.commandCalls(ReceiveMessageCommand).map((call) => call.args[0].input)).toStrictEqual([
      {
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 20,
        VisibilityTimeout: 45,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      },
    ]);
    expect(jobs).toStrictEqual([{ id: 'm-1', body: { cvId: 'cv-1' }, receiveCount: 3, receipt: 'r-1' }]);
    // The poison message is neither handed out nor deleted: the redrive policy takes it.
    expect(sqsMock.commandCalls(DeleteMessageCommand)).toEqual([]);
    expect(sqsMock.commandCalls(ChangeMessageVisibilityCommand)).toEqual([]);
  });

  it('acks with DeleteMessage, retries with ChangeMessageVisibility, peeks at the DLQ without deleting', async () => {
    sqsMock.on(DeleteMessageCommand).resolves({});
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    sqsMock.on(ReceiveMessageCommand).resolves({
      Messages: [{ MessageId: 'm-9', ReceiptHandle: 'r-9', Body: '{"cvId":"cv-9"}', Attributes: { ApproximateReceiveCount: '6' } }],
    });
    const job = { id: 'm-1', body: { cvId: 'cv-1' }, receiveCount: 1, receipt: 'r-1' };

    await queue.ack(job);
    await queue.retry(job, 8);
    const dead = await queue.deadLetters(50);

    expect(sqsMock.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input)).toStrictEqual([{ QueueUrl: queueUrl, ReceiptHandle: 'r-1' }]);
    expect(sqsMock.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input)).toStrictEqual([{ QueueUrl: queueUrl, ReceiptHandle: 'r-1', VisibilityTimeout: 8 }]);
    expect(sqsMock.commandCalls(ReceiveMessageCommand).map((call) => call.args[0].input)).toStrictEqual([
      {
        QueueUrl: deadLetterQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 0,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      },
    ]);
    // The peek itself counted as a receive.
    expect(dead).toStrictEqual([{ id: 'm-9', body: { cvId: 'cv-9' }, receiveCount: 5 }]);
  });

  it('treats a receipt SQS no longer honours as a no-op, and other failures as DependencyError', async () => {
    const job = { id: 'm-1', body: { cvId: 'cv-1' }, receiveCount: 1, receipt: 'r-old' };
    sqsMock.on(DeleteMessageCommand).rejects(new ReceiptHandleIsInvalid({ message: 'stale', $metadata: {} }));
    sqsMock.on(ChangeMessageVisibilityCommand).rejects(new Error('socket hang up'));

    await expect(queue.ack(job)).resolves.toBeUndefined();
    await expect(queue.retry(job, 1)).rejects.toBeInstanceOf(DependencyError);
  });

  it('has no dead letters to show without a dead-letter queue', async () => {
    const withoutDlq = new SqsJobQueue(options);
    expect(await withoutDlq.deadLetters()).toEqual([]);
    expect(sqsMock.calls()).toEqual([]);
    await withoutDlq.close();
  });
});
