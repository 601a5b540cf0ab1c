#!/usr/bin/env node
// The `r2w` command. A plain, committed launcher so that npm can link it when installing,
// before the TypeScript is compiled (npm run build); it runs the compiled command line.
let cli;
try {
  cli = require('../dist/cli/r2w.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]r2w\.js/.test(error.message)) {
    console.error('r2w is not built yet: run `npm run build` in the repository first.');
    process.exit(2);
  }
  throw error;
}
cli.runCli(process.argv.slice(2)).then((code) => process.exit(code));
