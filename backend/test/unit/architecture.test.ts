import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The layers, kept honest: routes (HTTP) → services (plain values and streams) → adapters
// (one cloud part each, behind an interface). Domain modules know nothing of HTTP;
// adapters know nothing of the services that use them. And the workspaces depend on each
// other one way: cv-schema ← storage ← portfolio-task ← backend (and the SPA).
const repo = path.resolve(__dirname, '../../..');
const src = path.join(repo, 'backend/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' || name === 'node_modules' || name === 'dist' ? [] : files(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(|require\()'([^']+)'/g)].map((m) => m[1]!);
}

/** Each import of the files under `dir`, as `file → target` (targets inside backend/src relative to it, packages by name). */
function edges(dir: string): { from: string; to: string }[] {
  return files(dir).flatMap((file) =>
    importsOf(file).map((spec) => ({
      from: path.relative(src, file),
      to: spec.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), spec)) : spec,
    })),
  );
}

const shown = (list: { from: string; to: string }[]) => list.map(({ from, to }) => `${from} → ${to}`);
const under = (folder: string) => (target: string) => target === folder || target.startsWith(`${folder}/`);
const isHttp = (target: string) => ['routes', 'http', 'app'].some((folder) => under(folder)(target)) || /^(express|supertest|cookie-parser|helmet|busboy)(\/|$)/.test(target);

describe('backend layers', () => {
  it('services take plain values: no *.service.ts imports Express or the HTTP layer', () => {
    const services = edges(path.join(src, 'routes')).filter(({ from }) => from.endsWith('.service.ts'));
    expect(shown(services.filter(({ to }) => /^(express|busboy)(\/|$)/.test(to) || under('http')(to) || to.endsWith('.router')))).toEqual([]);
  });

  it.each(['adapters', 'extraction', 'builds', 'worker', 'db', 'lib', 'observability', 'config'])('%s/ imports nothing from the HTTP layer', (folder) => {
    expect(shown(edges(path.join(src, folder)).filter(({ to }) => isHttp(to)))).toEqual([]);
  });

  it('adapters import no services, workers or domain modules', () => {
    const domain = ['routes', 'worker', 'builds', 'extraction', 'container'];
    expect(shown(edges(path.join(src, 'adapters')).filter(({ to }) => domain.some((folder) => under(folder)(to))))).toEqual([]);
  });
});

describe('workspace graph', () => {
  const allowed: Record<string, string[]> = {
    'cv-schema': [],
    storage: ['@r2w/cv-schema'],
    'portfolio-task': ['@r2w/cv-schema', '@r2w/storage'],
  };

  it.each(Object.entries(allowed))('%s imports only %j of the other workspaces, and no file outside itself', (workspace, may) => {
    const root = path.join(repo, workspace, 'src');
    const crossing = files(root).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            (spec.startsWith('@r2w/') && !may.some((name) => spec === name || spec.startsWith(`${name}/`))) || (spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(root)),
        )
        .map((spec) => `${path.relative(repo, file)} → ${spec}`),
    );
    expect(crossing).toEqual([]);
  });

  it.each(Object.keys(allowed))('%s declares no dependency on a workspace after it', (workspace) => {
    const manifest = JSON.parse(readFileSync(path.join(repo, workspace, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const declared = Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@r2w/'));
    expect(declared.filter((name) => !allowed[workspace]!.includes(name))).toEqual([]);
  });
});
