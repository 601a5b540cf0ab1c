import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

// The builder task's entry: `node portfolio-task/dist/builder.js`, one process per build
// (a Fargate task in AWS, a child process locally). A build is over in a few milliseconds
// of rendering, so a process used to spend nine tenths of its life loading about 2 MB of
// JavaScript (zod, React's server renderer, winston) from hundreds of files and compiling
// it. The build step therefore bundles the task into one file (bundle/main.js) and runs
// one build with it to record V8's code cache for every function that build compiled
// (bundle/main.js.v8cache); here the bundle is compiled from that cache. V8 refuses a
// cache made by another Node.js version or with other flags: the builder then compiles
// from source as before, only slower, and says so in its log.

export const BUNDLE_FILE = 'main.js';
export const CODE_CACHE_SUFFIX = '.v8cache';

interface BuilderBundle {
  main(raw?: NodeJS.ProcessEnv, startup?: { codeCache: CodeCacheUse }): Promise<number>;
}

/** Whether the code cache was used: 'used', 'rejected' by V8, or 'missing'. */
export type CodeCacheUse = 'used' | 'rejected' | 'missing';

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Compiles and evaluates the bundle as a CommonJS module; also returns its Script, from which the build step takes the cache. */
export function loadBuilderBundle(bundleFile: string): { bundle: BuilderBundle; script: vm.Script; codeCache: CodeCacheUse } {
  const cachedData = readIfPresent(bundleFile + CODE_CACHE_SUFFIX);
  const script = new vm.Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, cachedData });
  const module = { exports: {} as BuilderBundle };
  const evaluate = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  evaluate(module.exports, Module.createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return { bundle: module.exports, script, codeCache: cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used' };
}

/**
 * Exits with the task's code once stdout has taken the last log line: an idle S3 connection
 * would otherwise keep the task alive. A failure outside the task's own handling exits 3,
 * the code for "no result could be written".
 */
export function exitWhenDone(task: Promise<number>): void {
  task.then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`builder failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(3);
    },
  );
}

if (require.main === module) {
  const { bundle, codeCache } = loadBuilderBundle(path.join(__dirname, 'bundle', BUNDLE_FILE));
  exitWhenDone(bundle.main(process.env, { codeCache }));
}
