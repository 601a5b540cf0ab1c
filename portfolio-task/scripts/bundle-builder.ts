// Builds the builder task's start-up snapshot (see src/snapshot-entry.ts): one bundle of the
// task, run once by `node --build-snapshot` to write bundle/builder.blob, with the S3 driver
// and the font files the sites copy beside it. `npm run build -w portfolio-task` runs it
// after tsc; the image's build stage does the same with the image's own Node.js, which is
// the only one that can start from the blob.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { TEMPLATES } from '../src/templates';
import { fontFiles } from '../src/templates/shared/web-fonts';

const packageDir = path.resolve(__dirname, '..');

/** The blob, relative to the folder the build writes (dist). */
export const SNAPSHOT_BLOB = path.join('bundle', 'builder.blob');
const ENTRY_FILE = 'builder.js';
const S3_STORAGE_FILE = 's3-storage.js';

// In `node --build-snapshot` the script's `require` loads Node's own modules only, and it is
// the same function once the snapshot has started. The bundle therefore gets its `require`
// as a parameter that forwards to a real one, made when the snapshot starts, next to the
// blob: the S3 driver and the sites' font files are found there. Where the blob is comes
// from the command line, so a moved folder or image still finds them.
const REQUIRE_FROM_BLOB_FOLDER = `const __r2w = { require };
require('node:v8').startupSnapshot.addDeserializeCallback(() => {
  const args = process.execArgv;
  const at = args.findIndex((arg) => arg === '--snapshot-blob' || arg.startsWith('--snapshot-blob='));
  if (at < 0) {
    process.stderr.write('The builder is not configured:\\n  give the snapshot as node --snapshot-blob <path>, not through NODE_OPTIONS\\n');
    process.exit(2);
  }
  const blob = args[at] === '--snapshot-blob' ? args[at + 1] : args[at].slice('--snapshot-blob='.length);
  __r2w.require = require('node:module').createRequire(require('node:path').resolve(blob, '..', '${ENTRY_FILE}'));
});
(function (require) {`;
const REQUIRE_FORWARDER = `})(Object.assign((id) => __r2w.require(id), { resolve: (id, options) => __r2w.require.resolve(id, options) }));`;

/** Writes bundle/builder.blob, bundle/s3-storage.js and the packaged files to outDir; returns the blob's path. */
export async function bundleBuilder(outDir: string): Promise<string> {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' } as const;
  const bundleDir = path.join(outDir, 'bundle');
  const task = {
    ...common,
    // The workspace packages' TypeScript sources, as the tests use them.
    conditions: ['r2w-source'],
    // React's production build: the development one checks and warns at every render.
    define: { 'process.env.NODE_ENV': '"production"' },
    minifyWhitespace: true,
    minifySyntax: true,
  };
  rmSync(bundleDir, { recursive: true, force: true });
  // Beside the blob, under the name the snapshot's require takes as its own: stack traces
  // from a build point at a file that exists.
  const entry = path.join(bundleDir, ENTRY_FILE);
  const { metafile } = await build({
    ...task,
    entryPoints: [path.join(packageDir, 'src/snapshot-entry.ts')],
    outfile: entry,
    banner: { js: REQUIRE_FROM_BLOB_FOLDER },
    footer: { js: REQUIRE_FORWARDER },
    plugins: [s3StorageApart],
    metafile: true,
  });
  const strays = apiOnlyInputs(metafile);
  if (strays.length > 0) throw new Error(`The builder bundle takes in what only the API may load: ${strays.join(', ')}`);
  await build({ ...task, entryPoints: [require.resolve('@r2w/storage/s3')], outfile: path.join(bundleDir, S3_STORAGE_FILE) });
  copyPackagedFiles(bundleDir);
  const blob = path.join(outDir, SNAPSHOT_BLOB);
  writeSnapshot(entry, blob);
  return blob;
}

// V8 starts a snapshot only with the flags it was written with: NODE_OPTIONS (a heap size
// set for the build tools) must not reach it, as the API's task runner passes none.
function writeSnapshot(entry: string, blob: string): void {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const written = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], { encoding: 'utf8', env });
  if (written.status !== 0) throw new Error(`node --build-snapshot ${entry} exited ${written.status ?? written.signal}:\n${written.stderr}`);
  // Started as a build starts it, with no job: it must get as far as refusing the missing
  // BUILD_JOB (exit 2), or every build would fail on a blob the build step accepted.
  const started = spawnSync(process.execPath, ['--snapshot-blob', blob], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  if (started.status !== 2 || !started.stderr.includes('BUILD_JOB')) {
    throw new Error(`The builder's snapshot ${blob} does not start (exit ${started.status ?? started.signal}):\n${started.stderr}`);
  }
}

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

if (require.main === module) {
  bundleBuilder(path.resolve(process.argv[2] ?? path.join(packageDir, 'dist'))).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
