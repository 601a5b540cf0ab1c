import { main } from '../../src/builder/main';

// The builder process for tests, run from source through tsx (TASK_COMMAND in
// test-app.ts), so the tests need no compiled build.
main().then((code) => process.exit(code));
