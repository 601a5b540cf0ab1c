import { startConsumer, type StopOptions } from '../adapters/queue/consumer';
import type { Container } from '../container';
import { ClaudeExtractor } from '../extraction/extractors/claude/claude-extractor';
import type { CvExtractor } from '../extraction/extractors/extractor';
import { OfflineExtractor } from '../extraction/extractors/offline/offline-extractor';
import { ExtractionPipeline } from '../extraction/pipeline';
import { ParserPool } from '../extraction/text/parser-pool';
import { createExtractionJobHandler } from './extraction-job';
import { scheduleBuildExpiry } from '../builds/expire-builds';
import { scheduleAnonymousCvSweep } from './sweep-anonymous-cvs';

/**
 * Claude first when configured, with the offline extractor as its fallback; else offline
 * alone. Files are read by a pool of warm parser processes; close() stops them.
 */
export function createPipeline(c: Pick<Container, 'config' | 'logger' | 'metrics'> & Partial<Pick<Container, 'tracing'>>): { pipeline: ExtractionPipeline; close(): Promise<void> } {
  const offline = new OfflineExtractor();
  const claude = c.config.extraction.claude ? new ClaudeExtractor(c.config.extraction.claude, c) : null;
  const primary: CvExtractor = claude ?? offline;
  const { poolSize, maxJobsPerProcess, memoryLimitMb } = c.config.extraction.parsers;
  const parsers = new ParserPool({ size: poolSize, maxJobsPerProcess, memoryLimitMb, logger: c.logger, metrics: c.metrics });
  const pipeline = new ExtractionPipeline({
    primary,
    fallback: claude ? offline : undefined,
    logger: c.logger,
    metrics: c.metrics,
    textOptions: { timeoutMs: c.config.extraction.textTimeoutSeconds * 1000, pool: parsers },
  });
  return {
    pipeline,
    close: async () => {
      claude?.close();
      await parsers.close();
    },
  };
}

/** Takes extraction jobs off the queue until stopped. `waitSeconds` is the long-poll length (shorter in tests). */
export function startExtractionWorker(c: Container, options: { waitSeconds?: number } = {}): { stop(options?: StopOptions): Promise<void> } {
  const { pipeline, close } = createPipeline(c);
  const handler = createExtractionJobHandler({
    db: c.db,
    storage: c.storage,
    pipeline,
    logger: c.logger,
    metrics: c.metrics,
    tracing: c.tracing,
    signals: c.signals,
    maxReceives: c.config.queue.maxReceives,
  });
  const consumer = startConsumer(c.queue, handler, {
    concurrency: c.config.worker.concurrency,
    waitSeconds: options.waitSeconds,
    // A Claude call with its retries can outlast the visibility timeout: keep the job ours meanwhile.
    visibilityTimeoutSeconds: c.config.queue.visibilityTimeoutSeconds,
    onError: (error, job, source) => {
      // Handler failures are logged by the handler with their context; these are the queue's.
      if (source !== 'handler') c.logger.warn('extraction queue problem', { jobId: job?.id, err: error instanceof Error ? error.message : String(error) });
    },
  });
  const sweeps = [scheduleAnonymousCvSweep(c, c.config.uploads.anonymousRetentionHours), scheduleBuildExpiry(c, c.config.builds.retentionDays)];
  c.logger.info('extraction worker started', { queue: c.queue.kind, concurrency: c.config.worker.concurrency, extractor: c.config.extraction.claude ? 'claude (offline fallback)' : 'offline' });
  return {
    async stop(stopOptions?: StopOptions) {
      for (const sweep of sweeps) sweep.stop();
      await consumer.stop(stopOptions);
      await close();
    },
  };
}
