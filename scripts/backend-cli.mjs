// Runs one of the backend's compiled command lines (backend/src/cli/<name>.ts), which the
// production image also carries, so the same command works on a laptop and in a one-off
// ECS task. Used by the data-migration scripts beside this file.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export async function runBackendCli(name, exportName) {
  let cli;
  try {
    cli = require(join(root, 'backend/dist/cli', `${name}.js`));
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && error.message.includes(`${name}.js`)) {
      console.error(`${name} is not built yet: run \`npm run build\` in the repository first.`);
      process.exit(2);
    }
    throw error;
  }
  process.exit(await cli[exportName](process.argv.slice(2)));
}
