import v8 from 'node:v8';
import { exitWhenDone } from './exit-when-done';
import { main } from './task/task-main';
import { warmUp } from './warm-up';

// The builder task as it is started: `node --snapshot-blob .../bundle/builder.blob`, one
// process per build (a Fargate task in AWS, a child process locally). A build renders in a
// few milliseconds, so a process started from its JavaScript spent nearly all its life
// loading and compiling about 2 MB of it (zod and the CV's schemas, React's server
// renderer, winston) and running it once cold. The build step (scripts/bundle-builder.ts)
// therefore runs this file once with `node --build-snapshot`: it loads everything and
// warms it up, and V8 writes the heap to the blob; each build starts from that heap with
// the code compiled and the schemas built, and only runs main().
warmUp();
v8.startupSnapshot.setDeserializeMainFunction(() => exitWhenDone(main(process.env)));
