import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { mapLimit } from '../map-limit';
import { TEX_CLASSES } from './classes';
import type { TexClass } from './classes/types';
import { pdfTexts, PrintedText, printedTruth } from '../render-others/printed-truth';
import { latexCv, loadInputs, type Engine, type LatexInput } from './model';
import { sourcesMd, type Rendered } from './sources';

// npm run eval:render-latex -- [--family latex-moderncv-classic] [--keep]
// Writes each LaTeX family of the eval's "layouts by others" corpus: for every CV a family
// lists, the class's .tex, compiled by TeX Live from Debian, then others/<family>/<cv>.pdf,
// <cv>.truth.json (the CV: the document prints every one of its facts) and SOURCES.md.
// The files are committed, so the eval itself never needs TeX.

const run = promisify(execFile);
const OTHERS_DIR = path.resolve(__dirname, '../others');
// Two cores on the machines this runs on.
const LANES = 2;
// Fixed dates in the PDFs (creation date, document id), so a re-run changes no bytes.
const REPRODUCIBLE = { SOURCE_DATE_EPOCH: '1767225600', FORCE_SOURCE_DATE: '1' };

async function compile(dir: string, engine: Engine): Promise<Buffer> {
  const args = ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'];
  const env = { ...process.env, ...REPRODUCIBLE };
  // The second run resolves what the first wrote to main.aux (the last page's number).
  for (let pass = 0; pass < 2; pass += 1) {
    try {
      await run(engine, args, { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const log = readFileSync(path.join(dir, 'main.log'), 'utf8');
      const first = log.split('\n').findIndex((line) => line.startsWith('!'));
      throw new Error(
        `${engine} failed in ${dir}:\n${log
          .split('\n')
          .slice(Math.max(first, 0), first + 12)
          .join('\n')}`,
        { cause: error },
      );
    }
  }
  return readFileSync(path.join(dir, 'main.pdf'));
}

async function renderOne(texClass: TexClass, input: LatexInput, work: string): Promise<Rendered> {
  const cv = latexCv(input);
  const dir = path.join(work, texClass.family, input.name);
  mkdirSync(dir, { recursive: true });
  const { main, inputs = {} } = texClass.render(cv);
  writeFileSync(path.join(dir, 'main.tex'), main);
  for (const [file, text] of Object.entries(inputs)) writeFileSync(path.join(dir, file), text);
  const pdf = await compile(dir, cv.engine);
  const out = path.join(OTHERS_DIR, texClass.family);
  const pdfFile = path.join(out, `${input.name}.pdf`);
  writeFileSync(pdfFile, pdf);
  const { truth, dropped } = texClass.truth === 'printed' ? printedTruth(input.cv, new PrintedText(pdfTexts(pdfFile))) : { truth: input.cv, dropped: [] };
  // Formatted as the repository formats JSON, so `prettier --check .` passes on the committed files.
  const truthFile = path.join(out, `${input.name}.truth.json`);
  writeFileSync(truthFile, await format(JSON.stringify(truth), { ...(await resolveConfig(truthFile)), parser: 'json' }));
  console.log(`${texClass.family}/${input.name}.pdf (${cv.engine}, ${Math.round(pdf.length / 1024)} kB)${dropped.length > 0 ? `, not printed: ${dropped.join(', ')}` : ''}`);
  return { texClass, name: input.name, truth, dropped };
}

async function texLiveVersion(): Promise<string> {
  const { stdout } = await run('pdflatex', ['--version']);
  return stdout.split('\n')[0] ?? 'unknown';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { family: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const classes = TEX_CLASSES.filter((texClass) => values.family === undefined || texClass.family === values.family);
  if (classes.length === 0) throw new Error(`No LaTeX family "${values.family}"; there are ${TEX_CLASSES.map((texClass) => texClass.family).join(', ')}`);
  const inputs = new Map(loadInputs().map((input) => [input.name, input]));
  const version = await texLiveVersion();
  const work = mkdtempSync(path.join(os.tmpdir(), 'r2w-latex-'));
  try {
    const jobs = classes.flatMap((texClass) => {
      const out = path.join(OTHERS_DIR, texClass.family);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      return texClass.cvs.map((name) => {
        const input = inputs.get(name);
        if (!input) throw new Error(`${texClass.family} lists "${name}", which is neither in corpus/ nor in latex/cvs/`);
        return { texClass, input };
      });
    });
    const rendered = await mapLimit(jobs, LANES, ({ texClass, input }) => renderOne(texClass, input, work));
    for (const texClass of classes) {
      const documents = rendered.filter((document) => document.texClass === texClass);
      writeFileSync(path.join(OTHERS_DIR, texClass.family, 'SOURCES.md'), sourcesMd(texClass, version, documents));
    }
  } finally {
    if (values.keep) console.log(`TeX sources kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
