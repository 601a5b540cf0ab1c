import { existsSync } from 'node:fs';
import { main } from '../../src/builder/main';

// A builder held back by the test: it runs the real build only once the file named by
// BUILDER_RELEASE_FILE exists, so a test can keep builds in progress for as long as it
// needs them to be, without racing the builder.
async function heldThenBuild(): Promise<number> {
  const release = process.env.BUILDER_RELEASE_FILE;
  if (!release) throw new Error('BUILDER_RELEASE_FILE is not set');
  while (!existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 50));
  return main();
}
heldThenBuild().then((code) => process.exit(code));
