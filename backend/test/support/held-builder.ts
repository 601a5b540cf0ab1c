import { existsSync } from 'node:fs';

// A builder held back by the test: it runs the real builder task only once the file named
// by BUILDER_RELEASE_FILE exists, so a test can keep builds in progress for as long as it
// needs them to be, without racing the builder. The task comes from tsc's output of
// portfolio-task (a process cannot start from the builder's snapshot once it is running):
// from its sources every held build would compile the renderer again. Required, not
// imported: the backend's program does not type-check portfolio-task's build.
interface BuilderTask {
  main(env: NodeJS.ProcessEnv): Promise<number>;
}
const task = require('../../../portfolio-task/dist/task/task-main.js') as BuilderTask;
const { exitWhenDone } = require('../../../portfolio-task/dist/exit-when-done.js') as { exitWhenDone(task: Promise<number>): void };

async function heldThenBuild(): Promise<void> {
  const release = process.env.BUILDER_RELEASE_FILE;
  if (!release) throw new Error('BUILDER_RELEASE_FILE is not set');
  while (!existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 50));
  exitWhenDone(task.main(process.env));
}
void heldThenBuild();
