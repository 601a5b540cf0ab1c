import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Features do not import each other; pages in app/ compose them. Shared code lives in
// components/ and lib/, which import no feature.
const src = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '__tests__' ? [] : files(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]!);
}

function resolved(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return path.join(src, spec.slice(2));
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec);
  return null;
}

describe('architecture', () => {
  const features = readdirSync(path.join(src, 'features'));

  it.each(features)('the %s feature imports no other feature', (feature) => {
    const crossing = files(path.join(src, 'features', feature)).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target): target is string => target !== null && target.startsWith(path.join(src, 'features')) && !target.startsWith(path.join(src, 'features', feature) + path.sep))
        .map((target) => `${path.relative(src, file)} → ${path.relative(src, target)}`),
    );
    expect(crossing).toEqual([]);
  });

  it('shared components and lib import no feature or page', () => {
    const crossing = [...files(path.join(src, 'components')), ...files(path.join(src, 'lib'))].flatMap((file) =>
      importsOf(file)
        .map((spec) => resolved(file, spec))
        .filter((target): target is string => target !== null && (target.startsWith(path.join(src, 'features')) || target.startsWith(path.join(src, 'app'))))
        .map((target) => `${path.relative(src, file)} → ${path.relative(src, target)}`),
    );
    expect(crossing).toEqual([]);
  });
});
