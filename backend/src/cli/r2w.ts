import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CvSchema, fromJsonResume, type Cv } from '@r2w/cv-schema';
import { isTemplateId, renderSite, TEMPLATES } from '@r2w/portfolio-task';
import { cvLanguage } from '@r2w/portfolio-task/cv-language';
import { readPackagedFile } from '@r2w/portfolio-task/packaged-files';
import { ZodError } from 'zod';
import { ConfigError, loadConfig } from '../config/env';
import { ExtractionError } from '../extraction/errors';
import { detectKind } from '../extraction/text/file-kind';
import { createLogger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { createPipeline } from '../worker/start-extraction-worker';

// `r2w`: the site without the service. Extraction (offline unless ANTHROPIC_API_KEY is
// set) and the build run in this process; nothing is stored anywhere but --out.

const USAGE = `Usage:
  r2w build <cv.pdf|cv.docx|cv.txt|cv.json> [--template <id>] [--out <dir>] [--site-url <url>]
  r2w templates

  cv.json may be a Resume2Website CV (export format "cv") or a JSON Resume document.
  --template   one of: ${TEMPLATES.map((t) => t.id).join(', ')} (default: ${TEMPLATES[0]?.id})
  --out        folder for the site (default: ./site)
  --site-url   the address the site will live at, for its canonical link, sitemap and social cards`;

class UsageError extends Error {}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

async function readCv(file: string, io: CliIo): Promise<Cv> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `There is no file ${file}.` : `${file} cannot be read (${error.code}).`);
  });
  if (file.toLowerCase().endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new UsageError(`${file} is not valid JSON.`);
    }
    return json && typeof json === 'object' && 'schemaVersion' in json ? CvSchema.parse(json) : fromJsonResume(json);
  }
  const kind = detectKind(bytes.subarray(0, 8192));
  if (!kind) throw new UsageError(`${file} is not a PDF, a Word document (.docx) or plain text.`);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const { pipeline, close } = createPipeline({ config, logger: createLogger({ level: config.logLevel, service: 'r2w-cli' }), metrics: createMetrics() });
  try {
    const outcome = await pipeline.run(bytes, kind, (progress, message) => io.err(`  ${String(progress).padStart(3)}%  ${message}`));
    io.err(`Extracted with the ${outcome.extractor} extractor${outcome.rejectedValues ? ` (${outcome.rejectedValues} values not found in the file were dropped)` : ''}.`);
    return outcome.cv;
  } finally {
    await close();
  }
}

async function build(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { template: { type: 'string' }, out: { type: 'string' }, 'site-url': { type: 'string' } } });
  const input = positionals[0];
  if (!input || positionals.length > 1) throw new UsageError('Name one CV file to build from.');
  const templateId = values.template ?? TEMPLATES[0]!.id;
  if (!isTemplateId(templateId)) throw new UsageError(`There is no template "${templateId}"; choose one of ${TEMPLATES.map((t) => t.id).join(', ')}.`);
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(siteUrl)) throw new UsageError('--site-url must be an http(s) address.');

  const cv = await readCv(input, io);
  const site = renderSite(cv, { templateId, settings: siteUrl ? { siteUrl } : {}, cvLanguage: cvLanguage(cv) });
  const outDir = path.resolve(values.out ?? 'site');
  const files = [...site.files, ...(await Promise.all(site.packaged.map(async (file) => ({ path: file.path, body: await readPackagedFile(file) }))))];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.body);
  }
  io.out(`Your site is in ${outDir} (${files.length} files). Open ${path.join(outDir, 'index.html')} in a browser.`);
}

/** Runs the command line; returns the exit code (0 done, 1 the CV could not be used, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'build') await build(rest, io);
    else if (command === 'templates') for (const t of TEMPLATES) io.out(`${t.id.padEnd(10)} ${t.name}: ${t.description}`);
    else if (command === undefined || command === '--help' || command === '-h' || command === 'help') io.out(USAGE);
    else throw new UsageError(`Unknown command "${command}".`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ExtractionError) io.err(error.message);
    else if (error instanceof ZodError)
      io.err(
        `The CV file does not fit the CV format: ${error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
          .join('; ')}`,
      );
    else io.err(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
