import { Writable } from 'node:stream';
import winston from 'winston';
import { ExtractionError } from '../../src/extraction/errors';
import type { CvExtractor } from '../../src/extraction/extractors/extractor';
import { ExtractionPipeline } from '../../src/extraction/pipeline';
import { isTransient, TransientError } from '../../src/lib/failure-cause';
import { createMetrics } from '../../src/observability/metrics';
import { CV_TEXT } from '../support/model-extraction';

// When the model and then the offline fallback both fail, a passing model failure must
// leave the job to the queue's retry rather than end it with the fallback's error.

function failing(name: CvExtractor['name'], error: Error): CvExtractor & { calls: number } {
  return {
    name,
    calls: 0,
    async extract() {
      this.calls++;
      throw error;
    },
  };
}

function run(primary: CvExtractor, fallback: CvExtractor, logs: winston.Logform.TransformableInfo[] = []) {
  const stream = new Writable({ objectMode: true, write: (info: winston.Logform.TransformableInfo, _encoding, done) => (logs.push(info), done()) });
  const logger = winston.createLogger({ transports: [new winston.transports.Stream({ stream })] });
  const pipeline = new ExtractionPipeline({ primary, fallback, logger, metrics: createMetrics() });
  return pipeline.run(Buffer.from(CV_TEXT), 'txt', () => undefined);
}

describe('the pipeline when the primary and the fallback both fail', () => {
  it('rejects with a transient error caused by the primary when the primary failed for a passing reason and the fallback with CV_TOO_COMPLEX', async () => {
    const primaryError = Object.assign(new Error('529 overloaded'), { status: 529 });
    const primary = failing('claude', primaryError);
    const fallback = failing('offline', new ExtractionError('CV_TOO_COMPLEX'));
    const logs: winston.Logform.TransformableInfo[] = [];
    const error = await run(primary, fallback, logs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(isTransient(error)).toBe(true);
    expect((error as Error).cause).toBe(primaryError);
    expect((error as Error).message).toMatch(/529 overloaded/);
    expect(primary.calls).toBe(1);
    expect(fallback.calls).toBe(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'fallback extractor failed too; the job will be retried', fallback: 'offline', err: expect.stringMatching(/laid out as no CV is/) }),
    );
  });

  it('rejects with a transient error when the fallback fails for any other reason after a passing primary failure', async () => {
    const primaryError = new TransientError('network down');
    const error = await run(failing('openai-compatible', primaryError), failing('offline', new TypeError('a bug'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).cause).toBe(primaryError);
  });

  it("keeps the fallback's error when the primary's failure was a permanent ExtractionError", async () => {
    const fallbackError = new ExtractionError('CV_TOO_COMPLEX');
    const error = await run(failing('claude', new ExtractionError('CV_TOO_LONG')), failing('offline', fallbackError)).catch((e: unknown) => e);
    expect(error).toBe(fallbackError);
  });
});
