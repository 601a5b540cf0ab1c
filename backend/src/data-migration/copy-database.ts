import { Prisma, type Database } from '../db/database';
import { rowChecksum, TableChecksum } from './row-checksum';

// Copies every table of one product database into another through the two Prisma
// clients, in foreign-key order, a batch of rows at a time keyed by primary key. A row
// already in the target is compared, never overwritten: equal rows are skipped (which is
// what makes an interrupted copy resumable) and a different row stops the copy. At the
// end every table is compared whole: row counts, each row, and a checksum over all rows.

/**
 * Every model, parents before children (OAuthIdentity, PasswordResetToken and Cv → User, Portfolio → User and Cv,
 * Build → Portfolio). `json` names the Json columns: a null there is written as a
 * database NULL. A unit test keeps this list in step with prisma/models.prisma.
 */
export const TABLES = [
  { model: 'User', json: [] },
  { model: 'OAuthIdentity', json: [] },
  { model: 'PasswordResetToken', json: [] },
  { model: 'Cv', json: ['data'] },
  { model: 'Portfolio', json: ['settings'] },
  { model: 'Build', json: [] },
  { model: 'Purchase', json: [] },
  { model: 'PaymentEvent', json: [] },
] as const satisfies readonly { model: Prisma.ModelName; json: readonly string[] }[];

export type TableName = (typeof TABLES)[number]['model'];
type Row = Record<string, unknown> & { id: string };

// The part of a Prisma model delegate used here, the same for every model.
interface TableAccess {
  findMany(args: { where?: object; orderBy?: object; take?: number }): Promise<Row[]>;
  createMany(args: { data: object[] }): Promise<{ count: number }>;
  count(): Promise<number>;
  deleteMany(): Promise<{ count: number }>;
}

function tableOf(db: Database, model: TableName): TableAccess {
  const delegate = `${model[0]!.toLowerCase()}${model.slice(1)}`;
  return (db as unknown as Record<string, TableAccess>)[delegate]!;
}

/** A model added to the schema but not to TABLES would silently stay behind: refuse instead. */
export function assertEveryModelCopied(): void {
  const missing = Object.values(Prisma.ModelName).filter((name) => !TABLES.some((t) => t.model === name));
  if (missing.length > 0) throw new Error(`The copy does not know the table(s) ${missing.join(', ')}: add them to TABLES in data-migration/copy-database.ts.`);
}

export class CopyRefused extends Error {}

export class RowMismatch extends Error {
  constructor(
    readonly table: TableName,
    readonly ids: string[],
  ) {
    super(
      `${table}: ${ids.length} row(s) in the target differ from the source (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}). Nothing was overwritten; find out why the target differs, or start again with --force.`,
    );
  }
}

export interface CopyOptions {
  /** 'empty' refuses a target with rows; 'resume' keeps rows equal to the source; 'force' deletes the target's rows first. */
  mode: 'empty' | 'resume' | 'force';
  batchSize: number;
  progress(line: string): void;
  /** Runs after each batch is written; tests interrupt a copy here. */
  afterBatch?(table: TableName, batch: number): void | Promise<void>;
}

export interface TableReport {
  table: TableName;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  /** Ids whose row differs or is missing in the target (at most 20). */
  differing: string[];
}

/** Rows of one table in primary-key order, a batch at a time (the order of the database reading them). */
async function* batches(table: TableAccess, batchSize: number): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await table.findMany({ where: after === null ? {} : { id: { gt: after } }, orderBy: { id: 'asc' }, take: batchSize });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

async function rowsById(table: TableAccess, ids: string[]): Promise<Map<string, Row>> {
  return new Map((await table.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]));
}

/** How many rows each table of `db` has, in TABLES order. */
export async function countRows(db: Database): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const { model } of TABLES) counts[model] = await tableOf(db, model).count();
  return counts;
}

function forWrite(row: Row, json: readonly string[]): object {
  const data: Record<string, unknown> = { ...row };
  for (const column of json) if (data[column] === null) data[column] = Prisma.DbNull;
  return data;
}

/** Copies every table; throws CopyRefused or RowMismatch without writing anything over the target's rows. */
export async function copyTables(source: Database, target: Database, options: CopyOptions): Promise<void> {
  assertEveryModelCopied();
  const present = await countRows(target);
  const nonEmpty = TABLES.filter(({ model }) => present[model] > 0);
  if (nonEmpty.length > 0 && options.mode === 'empty') {
    throw new CopyRefused(
      `The target database already has rows (${nonEmpty.map(({ model }) => `${model} ${present[model]}`).join(', ')}). ` +
        'Use --resume to continue an interrupted copy (rows already there must equal the source), or --force to delete every row of the target first.',
    );
  }
  if (options.mode === 'force' && nonEmpty.length > 0) {
    // Children first, so no foreign key is left pointing at a deleted parent.
    for (const { model } of [...TABLES].reverse()) {
      const { count } = await tableOf(target, model).deleteMany();
      options.progress(`${model}: deleted ${count} row(s) from the target (--force)`);
    }
  }
  for (const { model, json } of TABLES) {
    const from = tableOf(source, model);
    const to = tableOf(target, model);
    const total = await from.count();
    let done = 0;
    let copied = 0;
    let batch = 0;
    for await (const rows of batches(from, options.batchSize)) {
      const existing = await rowsById(
        to,
        rows.map((r) => r.id),
      );
      const differing = rows.filter((r) => existing.has(r.id) && rowChecksum(existing.get(r.id)!) !== rowChecksum(r));
      if (differing.length > 0)
        throw new RowMismatch(
          model,
          differing.map((r) => r.id),
        );
      const missing = rows.filter((r) => !existing.has(r.id));
      if (missing.length > 0) copied += (await to.createMany({ data: missing.map((r) => forWrite(r, json)) })).count;
      done += rows.length;
      batch++;
      options.progress(`${model}: ${done}/${total} rows (${copied} copied, ${done - copied} already there)`);
      await options.afterBatch?.(model, batch);
    }
    if (total === 0) options.progress(`${model}: no rows`);
  }
}

/** Compares every table: counts, each source row with the target's, and the table checksums. */
export async function verifyTables(source: Database, target: Database, options: Pick<CopyOptions, 'batchSize' | 'progress'>): Promise<TableReport[]> {
  const reports: TableReport[] = [];
  for (const { model } of TABLES) {
    const from = tableOf(source, model);
    const to = tableOf(target, model);
    const sourceSum = new TableChecksum();
    const targetSum = new TableChecksum();
    const differing: string[] = [];
    for await (const rows of batches(from, options.batchSize)) {
      const existing = await rowsById(
        to,
        rows.map((r) => r.id),
      );
      for (const row of rows) {
        const hash = rowChecksum(row);
        sourceSum.add(hash);
        const other = existing.get(row.id);
        if ((!other || rowChecksum(other) !== hash) && differing.length < 20) differing.push(row.id);
      }
    }
    // The target read on its own, so rows only it has count too.
    for await (const rows of batches(to, options.batchSize)) for (const row of rows) targetSum.add(rowChecksum(row));
    const report = { table: model, sourceRows: sourceSum.rows, targetRows: targetSum.rows, sourceChecksum: sourceSum.hex, targetChecksum: targetSum.hex, differing };
    reports.push(report);
    options.progress(
      `${model.padEnd(10)} source ${String(report.sourceRows).padStart(7)} rows  target ${String(report.targetRows).padStart(7)} rows  checksum ${report.sourceChecksum.slice(0, 16)}…  ${tableMatches(report) ? 'equal' : 'DIFFERENT'}`,
    );
  }
  return reports;
}

export function tableMatches(report: TableReport): boolean {
  return report.sourceRows === report.targetRows && report.sourceChecksum === report.targetChecksum && report.differing.length === 0;
}
