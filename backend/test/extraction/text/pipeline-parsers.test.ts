import { readdirSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../../src/config/env';
import { createLogger } from '../../../src/observability/logger';
import { createMetrics } from '../../../src/observability/metrics';
import { createPipeline } from '../../../src/worker/start-extraction-worker';
import { ExtractionFailure } from '../../../src/extraction/errors';
import { extractionFailure } from './failures';
import { crowdedCv } from './hostile-texts';

jest.setTimeout(120_000);

/** Parser processes whose parent is this test process. */
function parserChildren(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('parser-pool-child');
      } catch {
        return false; // gone while we looked
      }
    })
    .map(Number);
}

const CV = [
  'Jane Doe',
  'jane@example.com',
  '',
  'EXPERIENCE',
  'Engineer, Acme Corp, 2019 - 2023',
  '',
  'EDUCATION',
  'BSc Computer Science, University of Leeds, 2015 - 2019',
  '',
  'SKILLS',
  'TypeScript, Python',
].join('\n');

describe('createPipeline', () => {
  it('reads files on PARSER_POOL_SIZE warm parser processes and stops them all on close()', async () => {
    const metrics = createMetrics();
    const { pipeline, close } = createPipeline({ config: loadConfig({ PARSER_POOL_SIZE: '2', LOG_LEVEL: 'silent' }), logger: createLogger({ level: 'silent', service: 'test' }), metrics });
    try {
      expect(parserChildren()).toHaveLength(2);
      const outcome = await pipeline.run(Buffer.from(CV), 'txt', () => undefined);
      expect(outcome.cv.hero?.fullName).toBe('Jane Doe');
      const jobs = (await metrics.registry.getSingleMetric('r2w_parser_jobs_total')!.get()).values;
      expect(jobs).toEqual([expect.objectContaining({ labels: { job: 'parse', outcome: 'ok' }, value: 1 }), expect.objectContaining({ labels: { job: 'extract', outcome: 'ok' }, value: 1 })]);
    } finally {
      await close();
    }
    expect(parserChildren()).toEqual([]);
  });

  it('runs the offline extractor in a parser process: a CV it reads too long fails with CV_TOO_COMPLEX while this event loop goes on', async () => {
    const config = loadConfig({ PARSER_POOL_SIZE: '1', OFFLINE_EXTRACTION_TIMEOUT_SECONDS: '1', LOG_LEVEL: 'silent' });
    const { pipeline, close } = createPipeline({ config, logger: createLogger({ level: 'silent', service: 'test' }), metrics: createMetrics() });
    try {
      const events: string[] = [];
      // Once the extractor has the document, this process takes its next turn before the job ends.
      const report = (progress: number) => {
        if (progress === 35) setImmediate(() => events.push('turn'));
      };
      const error = await extractionFailure(() => pipeline.run(Buffer.from(crowdedCv()), 'txt', report).finally(() => events.push('failed')));
      expect(events).toEqual(['turn', 'failed']);
      expect(error).toMatchObject({ code: 'CV_TOO_COMPLEX', permanent: true, message: ExtractionFailure.CV_TOO_COMPLEX });
    } finally {
      await close();
    }
  });
});
