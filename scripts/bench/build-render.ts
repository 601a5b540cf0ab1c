// The renderer's share of a build: rendering a full 18-section CV in-process, per template,
// and the size of the home page it writes. Printed, never asserted: machines differ, and a
// test that fails on a slow CI runner says nothing about the code.
//   npx tsx scripts/bench/build-render.ts        (after `npm run build -w portfolio-task`)
// scripts/bench/build.ts adds the whole-process timing around benchRenderInProcess().
import { gzipSync } from 'node:zlib';
import { renderSite, TEMPLATES, type TemplateId } from '@r2w/portfolio-task';
import { fullCv } from '../../cv-schema/test/fixtures/full-cv';

export const RENDER_TARGET_MS = 100;
export const HOME_PAGE_TARGET_GZIP_BYTES = 30 * 1024;

export type TemplateRenderFigures = {
  templateId: TemplateId;
  runs: number;
  medianMs: number;
  p95Ms: number;
  homePageBytes: number;
  homePageGzipBytes: number;
};

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function measure(templateId: TemplateId, runs: number, warmUp: number): TemplateRenderFigures {
  const cv = fullCv();
  const options = { templateId, settings: { siteUrl: 'https://dana.example.com/' } };
  // The first renders pay for JIT compilation and Intl set-up, which a long-lived process pays once.
  for (let i = 0; i < warmUp; i += 1) renderSite(cv, options);
  const times: number[] = [];
  let home = '';
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    const site = renderSite(cv, options);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    home = site.files.find((file) => file.path === 'index.html')?.body ?? '';
  }
  times.sort((a, b) => a - b);
  return {
    templateId,
    runs,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    homePageBytes: Buffer.byteLength(home),
    homePageGzipBytes: gzipSync(home).length,
  };
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printRenderFigures(figures: readonly TemplateRenderFigures[]): void {
  console.log(`In-process render of the full 18-section CV (renderSite: every file of the site), ${figures[0]?.runs ?? 0} runs after warm-up`);
  for (const f of figures) {
    console.log(
      `  ${f.templateId.padEnd(9)} median ${f.medianMs.toFixed(2).padStart(6)} ms  p95 ${f.p95Ms.toFixed(2).padStart(6)} ms  ` +
        `target < ${RENDER_TARGET_MS} ms: ${verdict(f.p95Ms < RENDER_TARGET_MS)}   ` +
        `home page ${kb(f.homePageBytes).padStart(8)}, gzipped ${kb(f.homePageGzipBytes).padStart(7)}  ` +
        `target < ${kb(HOME_PAGE_TARGET_GZIP_BYTES)}: ${verdict(f.homePageGzipBytes < HOME_PAGE_TARGET_GZIP_BYTES)}`,
    );
  }
}

/** Renders every template `runs` times (after `warmUp` discarded runs), prints the table unless told not to, and returns the figures. */
export function benchRenderInProcess(options: { runs?: number; warmUp?: number; print?: boolean } = {}): TemplateRenderFigures[] {
  const runs = options.runs ?? Number(process.env.BENCH_RENDER_RUNS ?? 200);
  const warmUp = options.warmUp ?? 20;
  const figures = TEMPLATES.map((template) => measure(template.id, runs, warmUp));
  if (options.print ?? true) printRenderFigures(figures);
  return figures;
}

if (require.main === module) benchRenderInProcess();
