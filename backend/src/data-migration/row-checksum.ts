import { createHash } from 'node:crypto';

// A row as each database's Prisma client returns it, written out one way whatever the
// database: object keys sorted (PostgreSQL's jsonb reorders them), dates as ISO strings
// to the millisecond (what both store), integers the same whether they arrive as a number
// or a BigInt, bytes as base64. Both sides of a copy are read through Prisma, which already
// turns SQLite's 0/1 into booleans and its JSON text into values.

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('an invalid date cannot be compared');
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`the number ${value} cannot be compared`);
      // -0 and 0 are one value in both databases.
      return JSON.stringify(value === 0 ? 0 : value);
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      throw new Error(`a ${typeof value} value cannot be compared`);
  }
  if (value instanceof Uint8Array) return JSON.stringify(`base64:${Buffer.from(value).toString('base64')}`);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // Prisma's Decimal: its own exact text, never a float.
  if (isDecimal(value)) return value.toFixed();
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function isDecimal(value: object): value is { toFixed(): string } {
  return typeof (value as { toFixed?: unknown }).toFixed === 'function' && typeof (value as { d?: unknown }).d === 'object';
}

/** SHA-256 of the row's canonical form, hex. */
export function rowChecksum(row: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex');
}

const MOD = 1n << 256n;

/**
 * A table's checksum: the sum of its rows' checksums modulo 2^256. A sum does not depend
 * on the order rows are read in (the two databases sort text differently) and needs no
 * memory per row; ids are unique, so no two equal rows cancel out as they would with XOR.
 */
export class TableChecksum {
  private sum = 0n;
  rows = 0;

  add(rowHash: string): void {
    this.sum = (this.sum + BigInt(`0x${rowHash}`)) % MOD;
    this.rows++;
  }

  get hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}
