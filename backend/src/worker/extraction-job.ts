import type { Readable } from 'node:stream';
import type { ReceivedJob } from '../adapters/queue/job-queue';
import type { ObjectStorage } from '@r2w/storage';
import type { ExtractionJob } from '../container';
import type { Database } from '../db/database';
import { ExtractionError } from '../extraction/errors';
import { isTransient } from '../lib/failure-cause';
import type { ExtractionPipeline } from '../extraction/pipeline';
import type { DocumentKind } from '../extraction/text/document-text';
import { withLogContext, type Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { ExtractionOutcome } from '../observability/emf';
import { noTracing, type Tracing } from '../observability/tracing';
import { signalTopics, type Signals } from '../adapters/signals/signals';

export interface ExtractionJobDeps {
  db: Database;
  storage: ObjectStorage;
  pipeline: ExtractionPipeline;
  logger: Logger;
  metrics: Metrics;
  /** Deliveries before the queue dead-letters a job (must match SQS's redrive policy). */
  maxReceives: number;
  /** Least time between two progress writes to the database. */
  progressIntervalMs?: number;
  /** X-Ray: each job is a segment continuing its request's trace. */
  tracing?: Tracing;
  /** Told after every write to the CV, so that its event streams send the change at once. */
  signals?: Signals;
}

const GIVE_UP_MESSAGE = 'We could not extract this CV after several attempts. Please try again later or upload it again.';
const OUR_FAULT_MESSAGE = 'Something went wrong on our side while reading this CV, and it has been logged. Upload it again, or try a PDF or DOCX copy.';

/** A parse or offline extraction that ran out of time may have been starved by a busy machine: it gets one more try. */
function retriedOnce(error: ExtractionError, receiveCount: number): boolean {
  return (error.code === 'EXTRACTION_TIMEOUT' || error.code === 'CV_TOO_COMPLEX') && receiveCount < 2;
}

/** What the person is told, and whether the fault is ours (a bug to look at) rather than the file's. */
function describeFailure(error: unknown, retryable: boolean): { code: string; message: string; ours: boolean } {
  if (error instanceof ExtractionError) return { code: error.code, message: error.message, ours: false };
  if (retryable) return { code: 'EXTRACTION_FAILED', message: GIVE_UP_MESSAGE, ours: false };
  return { code: 'EXTRACTION_FAILED', message: OUR_FAULT_MESSAGE, ours: true };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Handles one extraction job. Redelivery is normal (SQS is at least once): a job for a
 * CV that is gone or already finished is acknowledged without work, and a repeat run
 * writes the same row. A file that cannot be a CV fails at once; anything else is
 * thrown back to the queue to be retried, and on its last delivery the CV is marked
 * failed before the queue dead-letters the job.
 */
export function createExtractionJobHandler(deps: ExtractionJobDeps) {
  const { db, storage, pipeline, logger, metrics } = deps;
  const tracing = deps.tracing ?? noTracing;

  return (job: ReceivedJob<ExtractionJob>) =>
    withLogContext({ requestId: job.body.requestId, cvId: job.body.cvId, jobId: job.id }, () =>
      tracing.continueTrace('r2w-worker', job.body.trace, { job: 'extraction', request_id: job.body.requestId ?? 'none', attempt: job.receiveCount }, () => handle(job)),
    );

  async function handle(job: ReceivedJob<ExtractionJob>): Promise<void> {
    const taken = Date.now();
    // Every outcome in both metrics: the counter, and the CloudWatch record timed from taking the job.
    const count = (outcome: ExtractionOutcome, extractor: string) => {
      metrics.extractionJobs.inc({ outcome, extractor });
      metrics.outcomes.extraction(outcome, Date.now() - taken);
    };
    const cvId = job.body.cvId;
    const changed = () => deps.signals?.publish(signalTopics.cv(cvId));
    const cv = await db.cv.findUnique({ where: { id: cvId } });
    if (!cv || cv.status === 'ready' || cv.status === 'failed' || !cv.fileKey || !cv.fileKind) {
      count('skipped', 'none');
      logger.info('extraction job skipped', { reason: cv ? `cv is ${cv.status}` : 'cv deleted' });
      return;
    }
    if (job.receiveCount === 1) metrics.extractionStage.observe({ stage: 'queue_wait' }, (taken - cv.createdAt.getTime()) / 1000);

    const started = Date.now();
    let lastWrite = 0;
    const report = async (progress: number, message: string) => {
      if (Date.now() - lastWrite < (deps.progressIntervalMs ?? 250) && progress < 95) return;
      lastWrite = Date.now();
      await db.cv.updateMany({ where: { id: cvId, status: 'extracting' }, data: { progress, progressMessage: message } });
      changed();
    };
    await db.cv.update({ where: { id: cvId }, data: { status: 'extracting', progress: 5, progressMessage: 'Opening your file', attempts: job.receiveCount } });
    changed();
    logger.info('extraction started', { attempt: job.receiveCount, kind: cv.fileKind });
    // A job handed back at shutdown may still be running here while another worker has
    // taken it: this delivery's failure must not overwrite that worker's state.
    const thisDelivery = { id: cvId, status: 'extracting', attempts: job.receiveCount };

    try {
      const reading = performance.now();
      const file = await readAll((await storage.get(cv.fileKey)).body);
      metrics.extractionStage.observe({ stage: 'read_file' }, (performance.now() - reading) / 1000);
      const outcome = await pipeline.run(file, cv.fileKind as DocumentKind, report);
      const saving = performance.now();
      await db.cv.updateMany({
        where: { id: cvId, status: 'extracting' },
        data: { status: 'ready', progress: 100, progressMessage: 'Your CV is ready', data: outcome.cv as object, extractor: outcome.extractor, errorCode: null, errorMessage: null },
      });
      metrics.extractionStage.observe({ stage: 'save' }, (performance.now() - saving) / 1000);
      changed();
      count('ready', outcome.extractor);
      metrics.extractionDuration.observe({ extractor: outcome.extractor }, (Date.now() - started) / 1000);
      logger.info('extraction finished', { extractor: outcome.extractor, rejectedValues: outcome.rejectedValues, durationMs: Date.now() - started });
    } catch (error) {
      // Only a cause outside the file (a store or service that did not answer) may pass on
      // another try; the file's own faults and our bugs fail now, once.
      const retryable = error instanceof ExtractionError ? !error.permanent || retriedOnce(error, job.receiveCount) : isTransient(error);
      const lastAttempt = job.receiveCount >= deps.maxReceives;
      if (!retryable || lastAttempt) {
        const failure = describeFailure(error, retryable);
        await db.cv.updateMany({ where: thisDelivery, data: { status: 'failed', progress: 100, progressMessage: failure.message, errorCode: failure.code, errorMessage: failure.message } });
        changed();
        count('failed', 'none');
        const details = { code: failure.code, retryable, attempt: job.receiveCount, err: error instanceof Error ? error.message : String(error) };
        if (failure.ours) logger.error('extraction failed on our side', { ...details, stack: error instanceof Error ? error.stack : undefined });
        else logger.warn('extraction failed', details);
        // Finished work, unless it ran out of attempts: that job goes on to the
        // dead-letter queue, where operators can see it.
        if (!retryable) return;
        throw error;
      }
      await db.cv.updateMany({ where: thisDelivery, data: { status: 'queued', progressMessage: 'Something went wrong; trying again shortly' } });
      changed();
      count('retried', 'none');
      logger.warn('extraction will be retried', { attempt: job.receiveCount, err: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }
}
