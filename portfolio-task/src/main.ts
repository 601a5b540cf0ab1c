import { exitWhenDone } from './exit-when-done';
import { main } from './task/task-main';

// The builder task's entry when run from source (the tests, development) or from tsc's
// output; built, it starts from the start-up snapshot (snapshot-entry.ts). See task/task-main.ts.
export { main };

if (require.main === module) exitWhenDone(main());
