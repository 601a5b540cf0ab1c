import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './databases';

// Tests start the product's processes (API, worker, builder, `r2w`) from its build, as its
// images do, which spares each process a TypeScript compile. A build older than its
// sources would test old code, so that fails loudly instead.
const WORKSPACES = ['cv-schema', 'storage', 'portfolio-task', 'backend'];

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

let current = false;

// Checked once per run rather than once per test file (each walks four workspaces): the
// first file to find the build current leaves this mark in the run's directory.
function runMark(): string | undefined {
  const dir = process.env.R2W_TEST_DIR;
  return dir ? path.join(dir, 'build-is-current') : undefined;
}

/** The absolute path of a built file (relative to the repository), once every workspace's build is newer than its sources. */
export function builtFile(relativePath: string): string {
  const mark = runMark();
  if (!current && mark && existsSync(mark)) current = true;
  if (!current) {
    for (const workspace of WORKSPACES) {
      const dist = path.join(repoRoot, workspace, 'dist');
      let built = 0;
      try {
        built = newestChange(dist);
      } catch {
        // No dist folder: reported below as a missing build.
      }
      if (built < newestChange(path.join(repoRoot, workspace, 'src'))) {
        throw new Error(`${workspace}/dist is missing or older than ${workspace}/src: run \`npm run build\` first (the tests start the product's processes from its build)`);
      }
    }
    current = true;
    if (mark) writeFileSync(mark, '');
  }
  return path.join(repoRoot, relativePath);
}
