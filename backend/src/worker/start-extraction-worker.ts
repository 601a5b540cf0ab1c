import { startConsumer, type StopOptions } from '../adapters/queue/consumer';
import type { Config } from '../config/env';
import type { Container } from '../container';
import { ClaudeExtractor } from '../extraction/extractors/claude/claude-extractor';
import type { CvExtractor } from '../extraction/extractors/extractor';
import { OfflineExtractor } from '../extraction/extractors/offline/offline-extractor';
import { OpenAiCompatibleExtractor } from '../extraction/extractors/openai-compatible/openai-compatible-extractor';
import { ExtractionPipeline } from '../extraction/pipeline';
import { ParserPool } from '../extraction/text/parser-pool';
import { createExtractionJobHandler } from './extraction-job';
import { scheduleBuildExpiry } from '../builds/expire-builds';
import { scheduleAnonymousCvSweep } from './sweep-anonymous-cvs';

type ModelExtractor = CvExtractor & { close(): void };

/** The model extractor the configuration chooses (Claude or an OpenAI-compatible server), if any. */
function createModelExtractor(c: Pick<Container, 'config' | 'logger' | 'metrics'> & Partial<Pick<Container, 'tracing'>>): ModelExtractor | null {
  const { claude, openaiCompatible } = c.config.extraction;
  if (claude) return new ClaudeExtractor(claude, c);
  if (openaiCompatible) return new OpenAiCompatibleExtractor(openaiCompatible, c);
  return null;
}

/** How the start-up log names the extractor chosen. */
function describeExtractor(extraction: Config['extraction']): string {
  if (extraction.claude) return `claude ${extraction.claude.model} (offline fallback)`;
  if (extraction.openaiCompatible) return `openai-compatible ${extraction.openaiCompatible.model} (offline fallback)`;
  return 'offline';
}

/**
 * The model extractor first when one is configured, with the offline extractor as its
 * fallback; else offline alone. Files are read, and the offline extractor runs, in a pool
 * of warm parser processes; close() stops them.
 */
export function createPipeline(c: Pick<Container, 'config' | 'logger' | 'metrics'> & Partial<Pick<Container, 'tracing'>>): { pipeline: ExtractionPipeline; close(): Promise<void> } {
  const { poolSize, maxJobsPerProcess, memoryLimitMb } = c.config.extraction.parsers;
  const parsers = new ParserPool({ size: poolSize, maxJobsPerProcess, memoryLimitMb, logger: c.logger, metrics: c.metrics });
  // As the primary or as the model's fallback, it runs in the parser processes, so that no document holds this event loop.
  const offline = new OfflineExtractor({ pool: parsers, timeoutMs: c.config.extraction.offlineTimeoutSeconds * 1000 });
  const model = createModelExtractor(c);
  const primary: CvExtractor = model ?? offline;
  const pipeline = new ExtractionPipeline({
    primary,
    fallback: model ? offline : undefined,
    logger: c.logger,
    metrics: c.metrics,
    textOptions: { timeoutMs: c.config.extraction.textTimeoutSeconds * 1000, pool: parsers },
  });
  return {
    pipeline,
    close: async () => {
      model?.close();
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
    // A model call with its retries can outlast the visibility timeout: keep the job ours meanwhile.
    visibilityTimeoutSeconds: c.config.queue.visibilityTimeoutSeconds,
    onError: (error, job, source) => {
      // Handler failures are logged by the handler with their context; these are the queue's.
      if (source !== 'handler') c.logger.warn('extraction queue problem', { jobId: job?.id, err: error instanceof Error ? error.message : String(error) });
    },
  });
  const sweeps = [scheduleAnonymousCvSweep(c, c.config.uploads.anonymousRetentionHours), scheduleBuildExpiry(c, c.config.builds.retentionDays)];
  c.logger.info('extraction worker started', { queue: c.queue.kind, concurrency: c.config.worker.concurrency, extractor: describeExtractor(c.config.extraction) });
  return {
    async stop(stopOptions?: StopOptions) {
      for (const sweep of sweeps) sweep.stop();
      await consumer.stop(stopOptions);
      await close();
    },
  };
}
