import { existsSync } from 'node:fs';
import path from 'node:path';

// A builder held back by the test: it runs the real builder task only once the file named
// by BUILDER_RELEASE_FILE exists, so a test can keep builds in progress for as long as it
// needs them to be, without racing the builder. The task comes from the build, as the
// API's other builders in the tests do (test-app.ts): from portfolio-task's sources every
// held build would compile the renderer again. Required, not imported: the backend's
// program does not type-check portfolio-task's build.
interface BuilderEntry {
  BUNDLE_FILE: string;
  loadBuilderBundle(file: string): { bundle: { main(env: NodeJS.ProcessEnv, startup: { codeCache: string }): Promise<number> }; codeCache: string };
  exitWhenDone(task: Promise<number>): void;
}
const builder = require('../../../portfolio-task/dist/builder.js') as BuilderEntry;

async function heldThenBuild(): Promise<void> {
  const release = process.env.BUILDER_RELEASE_FILE;
  if (!release) throw new Error('BUILDER_RELEASE_FILE is not set');
  while (!existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 50));
  const { bundle, codeCache } = builder.loadBuilderBundle(path.resolve(__dirname, '../../../portfolio-task/dist/bundle', builder.BUNDLE_FILE));
  builder.exitWhenDone(bundle.main(process.env, { codeCache }));
}
void heldThenBuild();
