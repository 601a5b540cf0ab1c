import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Seconds a received extraction job stays hidden (the app's QUEUE_VISIBILITY_TIMEOUT_SECONDS must agree). */
export const VISIBILITY_TIMEOUT_SECONDS = 120;
/** Deliveries before a job goes to the dead-letter queue (the app's QUEUE_MAX_RECEIVES reports it). */
export const MAX_RECEIVES = 5;

/** The extraction job queue and its dead-letter queue. */
export class Messaging extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'ExtractionDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Long enough to read what failed and why after a weekend.
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'ExtractionJobs', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_SECONDS),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVES },
    });
  }
}
