import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

// The SPA imports the templates and the renderer for its live preview: a Node built-in
// anywhere in them would break the browser bundle (or quietly pull in a polyfill).
const BROWSER_CODE = ['templates', 'render'].map((folder) => join(__dirname, '..', 'src', folder));
const NODE_MODULES = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

// Packages known to run in browsers. Not franc: the CV's language is read by the API, and
// its tables would weigh on the preview's chunk and the builder's start.
const BROWSER_PACKAGES = ['react', 'react-dom/server', '@r2w/cv-schema', '@r2w/cv-schema/api'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(folder, entry.name)] : []));
}

it('templates and render import nothing from Node', () => {
  const files = BROWSER_CODE.flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(30);
  for (const file of files) {
    const imports = [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect([file, imports.filter((name) => name !== undefined && (NODE_MODULES.has(name) || name.startsWith('node:')))]).toEqual([file, []]);
    expect([file, imports.filter((name) => name !== undefined && !name.startsWith('.') && !BROWSER_PACKAGES.includes(name))]).toEqual([file, []]);
  }
});
