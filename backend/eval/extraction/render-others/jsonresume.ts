import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromJsonResume, toJsonResume, type Cv, type JsonResume } from '@r2w/cv-schema';
import { PdfRenderer, type PrintOptions } from '../render-pdf';
import { type SourceCv } from './source-cvs';
import { pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { writeFamily, type FamilyDocument } from './family-files';
import { withStatedFacts } from './reading';

// The jsonresume-<theme> families: CVs converted with the product's toJsonResume, rendered to
// HTML by the theme's own render() (the npm package as published), printed to PDF by Chromium.
// The themes are installed from themes/package-lock.json into a temporary folder, so they are
// neither the product's dependencies nor in the repository.

const THEMES_DIR = path.join(__dirname, 'themes');

export interface Theme {
  name: string;
  print: PrintOptions;
  version: string;
  license: string;
  homepage: string;
}

// Each theme runs in a plain Node process of its own, imported by name from the install folder
// as an ES module (some ship a CommonJS entry that cannot load their ESM-only dependencies), and
// a theme's globals stay out of this process.
const RUNNER = `import { readFileSync } from 'node:fs';
const theme = await import(process.argv[2]);
const render = theme.render ?? theme.default?.render;
if (process.argv[3] === 'options') process.stdout.write(JSON.stringify(theme.pdfRenderOptions ?? {}));
else process.stdout.write(await render(JSON.parse(readFileSync(0, 'utf8'))));
`;

/**
 * npm ci of the packages pinned in `pinned` (package.json, package-lock.json) into a temporary
 * folder, with `runner` written there as `run.mjs`; returns the folder (the caller removes it).
 */
export function installPinned(pinned: string, prefix: string, runner: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(pinned, file), path.join(dir, file));
  // Install scripts are not needed to render; refusing them keeps the install offline-safe.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  writeFileSync(path.join(dir, 'run.mjs'), runner);
  return dir;
}

/** npm ci of the pinned themes into a temporary folder; returns it (the caller removes it). */
export const installThemes = (): string => installPinned(THEMES_DIR, 'r2w-themes-', RUNNER);

export const THEME_NAMES = Object.keys(JSON.parse(readFileSync(path.join(THEMES_DIR, 'package.json'), 'utf8')).dependencies as Record<string, string>).map((name) =>
  name.replace('jsonresume-theme-', ''),
);

/**
 * Themes added later as a held-out set (layouts no extraction change was tuned on when they were
 * added), each with the CVs it renders named here: the round robin stays over the earlier themes,
 * so their documents do not change. A sidebar theme gets a non-English CV at least.
 */
export const LISTED_THEMES: Readonly<Record<string, readonly string[]>> = {
  caffeine: ['data-analyst', 'academic-professor', 'brand-designer', 'product-manager', 'new-graduate'],
  autumn: ['marketing-manager', 'registered-nurse', 'finance-executive', 'humanitarian-logistics', 'mechanical-engineer'],
  straightforward: ['senior-software-engineer', 'teacher-to-ux-designer', 'academic-professor', 'data-analyst', 'sre-shapes'],
  eloquent: ['mechanical-engineer', 'new-graduate', 'finance-executive', 'jsonresume-sample', 'marketing-manager'],
};

/** Which CVs each theme renders: the round robin over the earlier themes, and the listed themes' own lists. */
export function themePlan(cvs: SourceCv[]): Map<string, SourceCv[]> {
  const plan = assign(
    cvs,
    THEME_NAMES.filter((name) => !(name in LISTED_THEMES)),
  );
  for (const [theme, names] of Object.entries(LISTED_THEMES))
    plan.set(
      theme,
      names.map((name) => {
        const source = cvs.find((cv) => cv.name === name);
        if (!source) throw new Error(`jsonresume-${theme}: no source CV named ${name}`);
        return source;
      }),
    );
  return plan;
}

/** A theme's render() (or its PDF options) in a Node process of its own. */
export const runTheme = (dir: string, name: string, mode: 'options' | 'render', input = '') =>
  execFileSync('node', [path.join(dir, 'run.mjs'), `jsonresume-theme-${name}`, mode], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

export function loadTheme(dir: string, name: string): Theme {
  const manifestPath = path.join(dir, 'node_modules', `jsonresume-theme-${name}`, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; license?: string; homepage?: string; repository?: string | { url?: string } };
  const options = JSON.parse(runTheme(dir, name, 'options')) as { mediaType?: string; margin?: PrintOptions['margin'] };
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return {
    name,
    print: { ...(options.mediaType === 'print' || options.mediaType === 'screen' ? { media: options.mediaType } : {}), ...(options.margin ? { margin: options.margin } : {}) },
    version: manifest.version,
    license: manifest.license ?? 'not stated in its package.json',
    homepage: manifest.homepage ?? repository ?? `https://www.npmjs.com/package/jsonresume-theme-${name}`,
  };
}

/** The JSON Resume a person would write for this CV: a job's bullets are all its highlights. */
export function themeInput(cv: Cv): JsonResume {
  const merged: Cv = {
    ...cv,
    experience: {
      ...cv.experience,
      items: cv.experience.items.map(({ responsibilities, achievements, ...job }) => ({ ...job, achievements: [...(responsibilities ?? []), ...(achievements ?? [])] })),
    },
  };
  return toJsonResume(merged);
}

/**
 * What a careful reader can extract if the theme printed everything: the product's importer's
 * reading of the JSON Resume, except that a job's bullets, which themes print with no label, are
 * its responsibilities (as in the project's corpus, where only labelled bullets are achievements).
 */
export function fullReading(resume: JsonResume): Cv {
  const cv = fromJsonResume(resume);
  cv.experience.items = cv.experience.items.map(({ achievements, ...job }) => (achievements ? { ...job, responsibilities: achievements } : job));
  return cv;
}

/** Which CVs each theme renders: every CV twice over the themes, round robin, so each theme gets several. */
export function assign(cvs: SourceCv[], themes: readonly string[], copies = 2): Map<string, SourceCv[]> {
  const plan = new Map(themes.map((theme) => [theme, [] as SourceCv[]]));
  cvs.forEach((cv, index) => {
    for (let copy = 0; copy < copies; copy += 1) plan.get(themes[(index * copies + copy) % themes.length]!)!.push(cv);
  });
  return plan;
}

export async function renderJsonResumeFamilies(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): Promise<void> {
  const wanted = THEME_NAMES.filter((name) => only(`jsonresume-${name}`));
  if (wanted.length === 0) return;
  // THEMES_DIR: a folder where installThemes() ran before, to re-render without installing again.
  const reused = process.env.THEMES_DIR;
  const dir = reused ?? installThemes();
  const pdf = await PdfRenderer.start();
  try {
    const plan = themePlan(cvs);
    for (const name of wanted) {
      const theme = loadTheme(dir, name);
      const family = `jsonresume-${name}`;
      const folder = path.join(outDir, family);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const documents: FamilyDocument[] = [];
      for (const source of plan.get(name) ?? []) {
        const resume = themeInput(source.cv);
        let html: string;
        try {
          html = runTheme(dir, name, 'render', JSON.stringify(resume));
        } catch (error) {
          // Some themes require fields (a project's roles…) that a CV may lack: that CV is not for that theme.
          const stderr = String((error as { stderr?: unknown }).stderr ?? error);
          console.warn(`${family}: skipped ${source.name}, the theme cannot render it: ${stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.slice(0, 200)}`);
          continue;
        }
        const file = path.join(folder, `${source.name}.pdf`);
        writeFileSync(file, await pdf.render(html, theme.print));
        const { truth, dropped } = printedTruth(withStatedFacts(fullReading(resume), source.cv), new PrintedText(pdfTexts(file)));
        documents.push({ name: source.name, formats: ['pdf'], truth, dropped, source: source.origin });
      }
      writeFamily(folder, documents, {
        title: `JSON Resume theme "${name}"`,
        layout: `[jsonresume-theme-${name}](https://www.npmjs.com/package/jsonresume-theme-${name}) ${theme.version} (${theme.homepage}), licence: ${theme.license}. The theme's own \`render()\` made the HTML, unchanged.`,
        made: [
          "CV → JSON Resume: `toJsonResume` from @r2w/cv-schema, with each job's responsibilities and achievements as its `highlights` (a theme prints one list of bullets).",
          `HTML → PDF: Chromium (\`/usr/bin/chromium\`, playwright-core \`page.pdf\`, A4, backgrounds${theme.print.media ? `, media ${theme.print.media}` : ''}${theme.print.margin ? ", the theme's margins" : ''}) with every network request refused, so web fonts, icon fonts and CDN stylesheets fall back to local fonts as on an offline machine.`,
          `Command: \`npm run eval:render-others -- ${family}\` (installs render-others/themes/package-lock.json with \`npm ci --ignore-scripts\` into a temporary folder).`,
        ],
      });
      console.log(`${family}: ${documents.length} documents`);
    }
  } finally {
    await pdf.close();
    if (!reused) rmSync(dir, { recursive: true, force: true });
  }
}
