// Prints the size of every JavaScript chunk (raw and gzipped) and the JavaScript a first
// visit loads (the entry and its static imports), and fails the build above the budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const rawKb = (file) => readFileSync(path.join(dist, file)).length / 1024;

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const rows = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js'))
  .map((chunk) => ({ file: chunk.file, raw: rawKb(chunk.file), gzip: gzipKb(chunk.file), initial: initial.has(chunk.file) }))
  .sort((a, b) => b.gzip - a.gzip);

console.log('\nJavaScript chunks (KB):');
for (const row of rows) console.log(`  ${row.file.padEnd(44)} ${row.raw.toFixed(1).padStart(8)} raw ${row.gzip.toFixed(1).padStart(7)} gzip${row.initial ? '  (initial)' : ''}`);
const initialGzip = rows.filter((row) => row.initial).reduce((sum, row) => sum + row.gzip, 0);
console.log(`Initial JavaScript: ${initialGzip.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)\n`);
if (initialGzip > BUDGET_KB) {
  console.error(`The first page load needs ${initialGzip.toFixed(1)} KB of gzipped JavaScript, over the ${BUDGET_KB} KB budget: split more code behind lazy routes.`);
  process.exit(1);
}
