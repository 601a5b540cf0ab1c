import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TABLES } from '../../src/data-migration/copy-database';
import { canonicalJson, rowChecksum, TableChecksum } from '../../src/data-migration/row-checksum';

// What the SQLite → PostgreSQL copy compares: one row read from each database must give
// the same checksum exactly when it holds the same values.

describe('row checksums', () => {
  it('are the same however the two databases hand the values back', () => {
    const fromSqlite = { id: 'a', count: 5, data: { b: 1, a: [1, { y: true, x: null }] }, at: new Date('2026-12-05T01:02:03.456Z'), gone: undefined };
    // jsonb reorders keys, the pg driver may give a BigInt for an integer, and -0 is 0.
    const fromPostgres = { at: new Date(Date.parse('2026-12-05T01:02:03.456Z')), data: { a: [1, { x: null, y: true }], b: 1 }, count: 5n, id: 'a' };
    expect(rowChecksum(fromSqlite)).toBe(rowChecksum(fromPostgres));
    expect(canonicalJson({ n: -0 })).toBe(canonicalJson({ n: 0 }));
    expect(canonicalJson({ b: Buffer.from('hi') })).toBe(canonicalJson({ b: new Uint8Array([104, 105]) }));
  });

  it('differ when any value does, including its type', () => {
    const row = { id: 'a', name: 'Jane', n: 1, flag: true, at: new Date(0), data: { a: 1 } };
    for (const changed of [{ name: 'Jane ' }, { n: 2 }, { n: '1' }, { flag: false }, { flag: 1 }, { at: new Date(1) }, { data: { a: '1' } }, { data: null }, { name: null }]) {
      expect(rowChecksum({ ...row, ...changed })).not.toBe(rowChecksum(row));
    }
  });

  it('sum into a table checksum that does not depend on row order', () => {
    const hashes = ['a', 'b', 'c'].map((id) => rowChecksum({ id }));
    const forward = new TableChecksum();
    const backward = new TableChecksum();
    for (const h of hashes) forward.add(h);
    for (const h of [...hashes].reverse()) backward.add(h);
    expect(forward.hex).toBe(backward.hex);
    expect(forward.rows).toBe(3);
    const fewer = new TableChecksum();
    for (const h of hashes.slice(1)) fewer.add(h);
    expect(fewer.hex).not.toBe(forward.hex);
  });

  it('refuse values that cannot be compared', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(/cannot be compared/);
    expect(() => canonicalJson({ d: new Date('nope') })).toThrow(/cannot be compared/);
  });
});

describe('the copy knows every table', () => {
  // Models and their Json columns as prisma/models.prisma declares them.
  const schema = readFileSync(path.resolve(__dirname, '../../../prisma/models.prisma'), 'utf8');
  const declared = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, model, body]) => ({
    model: model!,
    json: [...body!.matchAll(/^\s+(\w+)\s+Json\??(\s|$)/gm)].map((m) => m[1]!),
  }));

  it('copies every model with its Json columns, parents before children', () => {
    expect(declared.length).toBeGreaterThan(0);
    expect(TABLES.map((t) => ({ model: t.model, json: [...t.json] })).sort((a, b) => a.model.localeCompare(b.model))).toEqual(declared.sort((a, b) => a.model.localeCompare(b.model)));
    // Each relation field (`x Model @relation(...)`) names a parent that comes earlier.
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const parents = [...body!.matchAll(/^\s+\w+\s+(\w+)\??\s+@relation/gm)].map((m) => m[1]!);
      const position = (name: string) => TABLES.findIndex((t) => t.model === name);
      for (const parent of parents) expect(`${parent} before ${model}: ${position(parent) < position(model!)}`).toBe(`${parent} before ${model}: true`);
    }
  });
});
