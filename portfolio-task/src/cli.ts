// `npx r2w build <cv> --template <id> --out <dir>`: extraction and the build in one
// process, no service needed. The extraction pipeline is the backend's, loaded at run
// time for the same reason as in main.ts.
const { runCli } = require('@r2w/backend/dist/cli/r2w') as { runCli(argv: string[]): Promise<number> };

runCli(process.argv.slice(2)).then((code) => process.exit(code));
