// Builds the builder task's start-up files (see src/builder.ts): one bundle of the task,
// and V8's code cache recorded by running one build per template with it, so that every
// function a build uses is in the cache. `npm run build -w portfolio-task` runs it after
// tsc; the image's build stage does the same with the image's own Node.js, which is what
// the cache must match.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { LocalFolderStorage } from '@r2w/storage';
import { BUNDLE_FILE, CODE_CACHE_SUFFIX, loadBuilderBundle } from '../src/builder';
import { SAMPLE_CV } from '../src/sample-cv';
import { buildJobKeys, buildJobPrefix } from '../src/task/build-job';
import { TEMPLATES } from '../src/templates';
import { fontFiles } from '../src/templates/shared/web-fonts';

const packageDir = path.resolve(__dirname, '..');

/** Writes builder.js and bundle/main.js (+ its code cache) to outDir; returns the bundle's path. */
export async function bundleBuilder(outDir: string): Promise<string> {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' } as const;
  const bundleFile = path.join(outDir, 'bundle', BUNDLE_FILE);
  const task = {
    ...common,
    // The workspace packages' TypeScript sources, as the tests use them.
    conditions: ['r2w-source'],
    // React's production build: the development one checks and warns at every render.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Less to read and parse at every start; names stay, so stack traces still say where.
    minifyWhitespace: true,
    minifySyntax: true,
  };
  const { metafile } = await build({ ...task, entryPoints: [path.join(packageDir, 'src/main.ts')], outfile: bundleFile, plugins: [s3StorageApart], metafile: true });
  const strays = apiOnlyInputs(metafile);
  if (strays.length > 0) throw new Error(`The builder bundle takes in what only the API may load: ${strays.join(', ')}`);
  await build({ ...task, entryPoints: [require.resolve('@r2w/storage/s3')], outfile: path.join(outDir, 'bundle', S3_STORAGE_FILE) });
  await build({ ...common, entryPoints: [path.join(packageDir, 'src/builder.ts')], outfile: path.join(outDir, 'builder.js') });
  copyPackagedFiles(path.dirname(bundleFile));
  await recordCodeCache(bundleFile);
  return bundleFile;
}

const S3_STORAGE_FILE = 's3-storage.js';

// Reading a CV's language (franc, and its trigram tables built at load) is the API's work:
// in the bundle it would slow every builder's start for a language the input already names.
const API_ONLY = /(?:^|\/)(?:node_modules\/(?:franc|trigram-utils|n-gram)\/|src\/cv-language\.ts$)/;

/** The bundle's inputs (esbuild's metafile) that belong to the API only. */
export function apiOnlyInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((input) => API_ONLY.test(input));
}

/**
 * The S3 driver (and with it the AWS SDK, a third of the bundle) in a file of its own beside
 * the bundle, which the storage package requires only when S3 is chosen: a build on local
 * storage neither reads nor compiles it.
 */
const s3StorageApart: Plugin = {
  name: 's3-storage-apart',
  setup(bundler) {
    bundler.onResolve({ filter: /^\.\/s3-storage$/ }, (args) =>
      args.importer.endsWith(path.join('storage', 'src', 'create-storage.ts')) ? { path: `./${S3_STORAGE_FILE}`, external: true } : undefined,
    );
  },
};

/**
 * The files sites copy from npm packages (every template's fonts and their licences), each
 * package's package.json with them (require.resolve follows its exports map), in
 * node_modules beside the bundle: readPackagedFile finds them there, and the image, which
 * has no other node_modules, carries them with the bundle.
 */
export function copyPackagedFiles(bundleDir: string): void {
  const modules = path.join(bundleDir, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  const files = TEMPLATES.flatMap((template) => fontFiles(template.fonts));
  const packages = [...new Set(files.map((file) => file.package))];
  for (const { package: name, file } of [...files, ...packages.map((name) => ({ package: name, file: 'package.json' }))]) {
    const target = path.join(modules, name, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(require.resolve(`${name}/${file}`), target);
  }
}

async function recordCodeCache(bundleFile: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-builder-warm-up-'));
  try {
    const storage = new LocalFolderStorage({ root: path.join(dataDir, 'storage') });
    const { bundle, script } = loadBuilderBundle(bundleFile);
    for (const template of TEMPLATES) {
      const portfolioId = randomUUID();
      const buildId = randomUUID();
      const job = buildJobPrefix(portfolioId, buildId);
      await storage.put(buildJobKeys(job).input, JSON.stringify({ buildId, portfolioId, templateId: template.id, settings: { siteUrl: 'https://example.com/' }, cv: SAMPLE_CV }));
      const code = await bundle.main({ BUILD_JOB: job, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      if (code !== 0) throw new Error(`the warm-up build with the ${template.id} template exited ${code}`);
    }
    writeFileSync(bundleFile + CODE_CACHE_SUFFIX, script.createCachedData());
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  bundleBuilder(path.resolve(process.argv[2] ?? path.join(packageDir, 'dist'))).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
