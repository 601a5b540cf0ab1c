// Job queue: a durable local queue (SQLite file under DATA_DIR) locally, SQS in AWS.
// Delivery is at least once: a job whose handler neither acks nor finishes within the
// visibility timeout is delivered again, and after `maxReceives` deliveries it goes to
// the dead-letter queue instead.
export interface ReceivedJob<T> {
  id: string;
  body: T;
  /** 1 on the first delivery. */
  receiveCount: number;
  /** Opaque handle for ack/retry (SQS receipt handle). */
  receipt: string;
}

export interface ReceiveOptions {
  maxMessages?: number;
  /** Long-poll up to this many seconds when the queue is empty. */
  waitSeconds?: number;
  /** Ends a long poll early, with no jobs (a worker that is stopping). */
  signal?: AbortSignal;
}

export interface JobQueue<T> {
  readonly kind: 'local' | 'sqs';
  send(body: T, options?: { delaySeconds?: number }): Promise<string>;
  receive(options?: ReceiveOptions): Promise<ReceivedJob<T>[]>;
  /** The job is done: remove it. */
  ack(job: ReceivedJob<T>): Promise<void>;
  /** Give the job back to be delivered again after the delay (backoff). */
  retry(job: ReceivedJob<T>, delaySeconds: number): Promise<void>;
  /** The job is still being worked on: keep it from other consumers for another `seconds`. */
  extendVisibility(job: ReceivedJob<T>, seconds: number): Promise<void>;
  /** Jobs that ran out of deliveries, newest last. */
  deadLetters(limit?: number): Promise<{ id: string; body: T; receiveCount: number }[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
