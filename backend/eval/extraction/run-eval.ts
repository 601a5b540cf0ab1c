import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { emptyCv } from '@r2w/cv-schema';
import { ExtractionError } from '../../src/extraction/errors';
import { ClaudeExtractor } from '../../src/extraction/extractors/claude/claude-extractor';
import { MalformedToolOutput } from '../../src/extraction/extractors/claude/tool-schema';
import { OfflineExtractor } from '../../src/extraction/extractors/offline/offline-extractor';
import { ExtractionPipeline } from '../../src/extraction/pipeline';
import { createLogger } from '../../src/observability/logger';
import { createMetrics } from '../../src/observability/metrics';
import { startFakeAnthropic, type FakeAnthropic } from '../../test/support/fake-anthropic';
import { readRecording, startRecordingProxy, writeRecording, type Recording } from './claude-recordings';
import { loadCorpus, type CorpusCv } from './corpus';
import { FORMATS, fromOthers, fromRendering, renderAll, renderingsWanted, type EvalDocument, type Format } from './documents';
import { mapLimit } from './map-limit';
import { compareCvs } from './metrics';
import { familiesIn, loadOthers, OUR_FAMILY } from './others';
import { LAYOUTS, type Layout } from './render-html';
import { PdfRenderer } from './render-pdf';
import { extractorReport, jsonReport, SYNTHETIC_WARNING, type DocumentResult, type ExtractorName } from './report';

// npm run eval:extraction -- [flags]: renders every corpus CV in every layout and format,
// reads the documents laid out by others (others/<family>/), runs each file through the real
// ExtractionPipeline, and scores the result against the ground truth (metrics.ts). Exits
// non-zero when something crashes, never for low scores.

const USAGE = `Usage: npm run eval:extraction -- [options]
  --extractor offline|claude|all   which extractor is primary (default all; no fallback)
  --format pdf|docx|txt|all        which renderings (default all; txt only in the classic layout)
  --layout ${LAYOUTS.join('|')}|all   which layouts (default all)
  --cv <name>                      one corpus CV (file name without .<lang>.json, or jsonresume-sample),
                                   or one document of others' (file name without extension)
  --family <name>                  one layout family: ${OUR_FAMILY} (our renderers) or a folder under others/
  --others-only                    only the documents laid out by others (same as leaving out ${OUR_FAMILY})
  --json <file>                    also write every document's result as JSON
  --verbose                        list each document's missed and extra facts
  --keep                           keep the rendered files and print where they are
  --record                         first record Claude's answers (needs ANTHROPIC_API_KEY)`;

class UsageError extends Error {}

const EXTRACTORS: readonly ExtractorName[] = ['offline', 'claude'];
// Two cores: text extraction runs in worker threads, so two documents at a time keeps both busy.
const LANES = 2;
const DOCUMENT_TIMEOUT_MS = 60_000;
const CLAUDE_MODEL = 'claude-opus-4-1-20250805';

interface Options {
  extractors: ExtractorName[];
  formats: Format[];
  layouts: Layout[];
  cv?: string;
  family?: string;
  othersOnly: boolean;
  json?: string;
  verbose: boolean;
  keep: boolean;
  record: boolean;
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  if (value === 'all') return [...allowed];
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} or all (got "${value}")`);
  return [value as T];
}

const FLAGS = {
  extractor: { type: 'string', default: 'all' },
  format: { type: 'string', default: 'all' },
  layout: { type: 'string', default: 'all' },
  cv: { type: 'string' },
  family: { type: 'string' },
  'others-only': { type: 'boolean', default: false },
  json: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  record: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: FLAGS }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readOptions(argv: string[]): Options {
  const values = parseFlags(argv);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    extractors: choice('extractor', values.extractor, EXTRACTORS),
    formats: choice('format', values.format, FORMATS),
    layouts: choice('layout', values.layout, LAYOUTS),
    ...(values.cv === undefined ? {} : { cv: values.cv }),
    ...(values.family === undefined ? {} : { family: values.family }),
    othersOnly: values['others-only'],
    ...(values.json === undefined ? {} : { json: path.resolve(values.json) }),
    verbose: values.verbose,
    keep: values.keep,
    record: values.record,
  };
}

const logger = createLogger({ level: 'silent', service: 'eval' });
const metrics = createMetrics();
const noProgress = () => undefined;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// A document the pipeline refuses, or an answer Claude gets wrong, is a measured failure;
// anything else thrown is a bug in the code under test or in this harness.
const isExpectedFailure = (error: unknown) => error instanceof ExtractionError || error instanceof MalformedToolOutput;

async function extractOne(pipeline: ExtractionPipeline, document: EvalDocument, extractor: ExtractorName, synthetic: boolean): Promise<DocumentResult> {
  const { name, origin, family, layout, format, truth } = document;
  const base = { extractor, cv: name, origin, family, layout, format, synthetic };
  const started = performance.now();
  try {
    const outcome = await withTimeout(pipeline.run(document.bytes, format, noProgress), DOCUMENT_TIMEOUT_MS);
    return { ...base, status: 'ok', ms: performance.now() - started, rejectedValues: outcome.rejectedValues, comparison: compareCvs(truth, outcome.cv) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, status: isExpectedFailure(error) ? 'failed' : 'crashed', error: message, ms: performance.now() - started, rejectedValues: 0, comparison: compareCvs(truth, emptyCv()) };
  }
}

async function evaluateOffline(renderings: EvalDocument[]): Promise<DocumentResult[]> {
  const pipeline = new ExtractionPipeline({ primary: new OfflineExtractor(), logger, metrics });
  return mapLimit(renderings, LANES, (rendering) => extractOne(pipeline, rendering, 'offline', false));
}

function claudeConfig(apiKey: string, baseURL: string) {
  return { apiKey, baseURL, model: CLAUDE_MODEL, timeoutSeconds: 30, maxRetries: 0, breakerResetSeconds: 60 };
}

/** Replays each CV's recorded answer from a local fake of the Messages API, one fake per lane. */
async function evaluateClaude(renderings: EvalDocument[], recordings: Map<string, Recording>): Promise<DocumentResult[]> {
  const lanes: { fake: FakeAnthropic; extractor: ClaudeExtractor; pipeline: ExtractionPipeline }[] = [];
  try {
    for (let lane = 0; lane < LANES; lane += 1) {
      const fake = await startFakeAnthropic();
      const extractor = new ClaudeExtractor(claudeConfig('replay', fake.baseURL), { metrics, logger });
      lanes.push({ fake, extractor, pipeline: new ExtractionPipeline({ primary: extractor, logger, metrics }) });
    }
    return await mapLimit(renderings, LANES, (rendering, index) => {
      const lane = lanes[index]!;
      const recording = recordings.get(rendering.name)!;
      // Each lane extracts one document at a time, so its fake answers every call with this CV's recording.
      lane.fake.fallback = { kind: 'tool', input: recording.input };
      return extractOne(lane.pipeline, rendering, 'claude', recording.synthetic);
    });
  } finally {
    for (const lane of lanes) {
      lane.extractor.close();
      await lane.fake.close();
    }
  }
}

function loadRecordings(corpus: CorpusCv[]): Map<string, Recording> {
  const missing = corpus.filter((entry) => readRecording(entry.name) === null).map((entry) => entry.name);
  if (missing.length > 0) throw new UsageError(`No recorded Claude answer for ${missing.join(', ')}: run make-synthetic-recordings.ts or --record`);
  return new Map(corpus.map((entry) => [entry.name, readRecording(entry.name)!]));
}

/** --record: the real ClaudeExtractor against the real API (through a recording pass-through), on each CV's classic PDF. */
async function record(corpus: CorpusCv[], dir: string, pdf: () => Promise<PdfRenderer>): Promise<void> {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (!apiKey) throw new UsageError('--record calls the real Claude API: set ANTHROPIC_API_KEY');
  const proxy = await startRecordingProxy(process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com');
  const extractor = new ClaudeExtractor({ ...claudeConfig(apiKey, proxy.baseURL), timeoutSeconds: 180, maxRetries: 2 }, { metrics, logger });
  const pipeline = new ExtractionPipeline({ primary: extractor, logger, metrics });
  try {
    const renderings = await renderAll(renderingsWanted(corpus, ['classic'], ['pdf']), dir, pdf);
    for (const rendering of renderings) {
      // An answer the pipeline then rejects is still Claude's answer: it is kept, and replaying it measures that failure.
      const failure = await pipeline.run(rendering.bytes, rendering.format, noProgress).then(
        () => null,
        (error: unknown) => error,
      );
      const input = proxy.takeToolInput();
      if (input === null) throw new Error(`No record_cv answer from Claude for ${rendering.corpusCv.name}`, { cause: failure });
      writeRecording(rendering.corpusCv.name, input);
      console.log(`recorded ${rendering.corpusCv.name} (${rendering.corpusCv.name}.classic.pdf)`);
    }
  } finally {
    extractor.close();
    await proxy.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Our renderings are wanted unless another family is named or --others-only is set. */
function oursWanted(options: Options): boolean {
  return !options.othersOnly && (options.family === undefined || options.family === OUR_FAMILY);
}

/** Others' documents of the wanted family, formats and --cv, read from the committed files. */
function othersWanted(options: Options): EvalDocument[] {
  const families = familiesIn();
  if (options.family !== undefined && options.family !== OUR_FAMILY && !families.includes(options.family)) {
    throw new UsageError(`No layout family "${options.family}": ${[OUR_FAMILY, ...families].join(', ')}`);
  }
  const chosen = options.family === undefined ? families : options.family === OUR_FAMILY ? [] : [options.family];
  return loadOthers(chosen)
    .filter((document) => options.formats.includes(document.format) && (options.cv === undefined || document.name === options.cv))
    .map((document) => fromOthers(document, readFileSync(document.file)));
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const started = performance.now();
  const corpus = oursWanted(options) ? loadCorpus().filter((entry) => options.cv === undefined || entry.name === options.cv) : [];
  const others = othersWanted(options);
  if (corpus.length === 0 && others.length === 0) throw new UsageError(options.cv === undefined ? 'No document to evaluate' : `No corpus CV or document of others named "${options.cv}"`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-eval-'));

  let browser: Promise<PdfRenderer> | undefined;
  const pdf = () => (browser ??= PdfRenderer.start());
  let results: DocumentResult[] = [];
  try {
    if (options.record) await record(corpus, dir, pdf);
    const recordings = options.extractors.includes('claude') ? loadRecordings(corpus) : new Map<string, Recording>();

    const wanted = renderingsWanted(corpus, options.layouts, options.formats);
    if (wanted.length === 0 && others.length === 0) throw new UsageError('Nothing to render: plain text exists in the classic layout only');
    const ours = (await renderAll(wanted, dir, pdf)).map(fromRendering);
    if (browser) await (await browser).close();
    browser = undefined;
    console.log(`Rendered ${ours.length} documents of ${corpus.length} CVs (${options.layouts.join(', ')}; ${options.formats.join(', ')}) in ${seconds(performance.now() - started)}`);
    const familyCount = new Set(others.map((document) => document.family)).size;
    console.log(`Read ${others.length} documents laid out by others in ${familyCount} famil${familyCount === 1 ? 'y' : 'ies'}`);

    for (const extractor of options.extractors) {
      const extracting = performance.now();
      // Others' documents have no recorded Claude answer: only the offline extractor reads them.
      const extracted = extractor === 'offline' ? await evaluateOffline([...ours, ...others]) : await evaluateClaude(ours, recordings);
      console.log(`Extracted ${extracted.length} documents with ${extractor} in ${seconds(performance.now() - extracting)}`);
      results = [...results, ...extracted];
    }
  } finally {
    if (browser) await (await browser).close();
    if (options.keep) console.log(`Rendered files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  for (const extractor of options.extractors) {
    console.log(
      extractorReport(
        extractor,
        results.filter((result) => result.extractor === extractor),
        options.verbose,
      ).join('\n'),
    );
  }
  const durationMs = performance.now() - started;
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(jsonReport(results, durationMs), null, 2)}\n`);
    console.log(`\nResults written to ${options.json}`);
  }
  const crashes = results.filter((result) => result.status === 'crashed');
  if (results.some((result) => result.synthetic)) console.log(`\n${SYNTHETIC_WARNING.join('\n')}`);
  console.log(`\nEval finished in ${seconds(durationMs)}${crashes.length > 0 ? `; ${crashes.length} documents CRASHED (exit code 1)` : ''}`);
  return crashes.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
