import { existsSync } from 'node:fs';

// A builder held back by the test: it runs the real builder task only once the file named
// by BUILDER_RELEASE_FILE exists, so a test can keep builds in progress for as long as it
// needs them to be, without racing the builder. Required, not imported, so that
// type-checking the backend keeps portfolio-task's sources out of its program.
const task = require('../../../portfolio-task/src/main') as { main(): Promise<number> };

async function heldThenBuild(): Promise<number> {
  const release = process.env.BUILDER_RELEASE_FILE;
  if (!release) throw new Error('BUILDER_RELEASE_FILE is not set');
  while (!existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 50));
  return task.main();
}
void heldThenBuild().then((code) => process.exit(code));
