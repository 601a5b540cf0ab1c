import { CvSchema, SECTION_KEYS, type Cv } from '@r2w/cv-schema';
import { TransientError } from '../lib/failure-cause';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { ExtractionError } from './errors';
import type { CvExtractor, ExtractorResult } from './extractors/extractor';
import { boundUnplacedText, fitToCvSchema } from './fit-to-schema';
import { assertLooksLikeCv } from './gate/cv-gate';
import { keepOnlySourcedValues } from './source-check';
import type { DocumentKind, DocumentText } from './text/document-text';
import { extractText } from './text/extract-text';

export type ReportProgress = (progress: number, message: string) => Promise<void> | void;

export interface ExtractionOutcome {
  cv: Cv;
  extractor: CvExtractor['name'];
  rejectedValues: number;
}

// What the person is told while each extractor reads their CV.
const READING_MESSAGE: Record<CvExtractor['name'], string> = {
  claude: 'Reading your CV with Claude',
  'openai-compatible': 'Reading your CV with the language model',
  offline: 'Finding the sections of your CV',
};

export interface PipelineDeps {
  /** The model extractor when one is configured (Claude or an OpenAI-compatible server), else the offline extractor. */
  primary: CvExtractor;
  /** Used when the primary fails or its circuit is open (the offline extractor). */
  fallback?: CvExtractor;
  logger: Logger;
  metrics: Metrics;
  textOptions?: Parameters<typeof extractText>[2];
}

// file → text with layout → CV-or-not gate → extractor → source check → schema.
export class ExtractionPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  async run(file: Buffer, kind: DocumentKind, report: ReportProgress): Promise<ExtractionOutcome> {
    if (file.length === 0) throw new ExtractionError('FILE_EMPTY');
    await report(10, 'Reading the text of your CV');
    const document = await this.timed('text', () => extractText(file, kind, this.deps.textOptions));

    await report(25, 'Checking that this is a CV');
    await this.timed('gate', () => assertLooksLikeCv(document));

    const { result, extractor } = await this.timed('extract', () => this.extract(document, report));

    await report(85, 'Checking every value against your CV');
    const { cv: checked, rejected } = await this.timed('source_check', () => keepOnlySourcedValues(result.cv, document.plainText));
    if (rejected.length > 0) {
      this.deps.metrics.extractionRejectedValues.inc({ extractor: extractor.name }, rejected.length);
      this.deps.logger.info('extracted values not found in the CV were dropped', { extractor: extractor.name, count: rejected.length, paths: rejected.slice(0, 20).map((r) => r.path) });
    }

    await report(95, 'Saving your CV');
    const fitting = performance.now();
    const { extraction: _none, ...candidate } = checked;
    const fitted = fitToCvSchema(candidate);
    const unplaced = boundUnplacedText([...result.unclassifiedText, ...fitted.moved]);
    if (fitted.changes > 0 || unplaced.droppedChars > 0) {
      this.deps.metrics.extractionFittedValues.inc({ extractor: extractor.name }, fitted.changes);
      this.deps.logger.info('extracted values cut to fit the CV schema', {
        extractor: extractor.name,
        changes: fitted.changes,
        movedToUnplaced: fitted.moved.length,
        droppedChars: unplaced.droppedChars,
      });
    }
    const source = extractor.name === 'offline' ? 'heuristic' : 'llm';
    const sections = Object.fromEntries(SECTION_KEYS.filter((key) => result.confidence[key] !== undefined).map((key) => [key, { confidence: result.confidence[key]!, source }]));
    const cv = CvSchema.parse({ ...fitted.sections, extraction: { unclassifiedText: unplaced.unclassifiedText, sections, rejectedValues: rejected.length } });
    this.deps.metrics.extractionStage.observe({ stage: 'fit' }, (performance.now() - fitting) / 1000);
    return { cv, extractor: extractor.name, rejectedValues: rejected.length };
  }

  /** Runs one step and records its time, whether it ends well or not. */
  private async timed<T>(stage: string, step: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.deps.metrics.extractionStage.observe({ stage }, (performance.now() - started) / 1000);
    }
  }

  private async extract(document: DocumentText, report: ReportProgress): Promise<{ result: ExtractorResult; extractor: CvExtractor }> {
    const { primary, fallback, logger } = this.deps;
    await report(35, READING_MESSAGE[primary.name]);
    try {
      return { result: await primary.extract(document), extractor: primary };
    } catch (error) {
      if (!fallback) throw error;
      // The person still gets their CV now; the offline extractor needs no network.
      this.deps.metrics.extractionFallbacks.inc({ extractor: primary.name });
      logger.warn('primary extractor failed; using the fallback', { extractor: primary.name, fallback: fallback.name, err: error instanceof Error ? error.message : String(error) });
      await report(40, READING_MESSAGE[fallback.name]);
      try {
        return { result: await fallback.extract(document), extractor: fallback };
      } catch (fallbackError) {
        if (error instanceof ExtractionError && error.permanent) throw fallbackError;
        // The model may read this CV on the queue's next try, so the fallback's failure
        // (CV_TOO_COMPLEX, say) must not end the job for good. Wrapped because the worker
        // retries only what isTransient knows, and an SDK's 429/5xx is not among those.
        logger.warn('fallback extractor failed too; the job will be retried', {
          extractor: primary.name,
          fallback: fallback.name,
          err: fallbackError instanceof Error ? fallbackError.message : String(fallbackError),
        });
        throw new TransientError(`${primary.name} extractor failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }
}
