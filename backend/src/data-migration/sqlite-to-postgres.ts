import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, type Database, type DatabaseAccess } from '../db/database';
import { migrateDatabase } from '../db/migrate';
import { createLogger } from '../observability/logger';
import { copyTables, CopyRefused, tableMatches, verifyTables, type CopyOptions, type TableReport } from './copy-database';

// The move from the local SQLite file to PostgreSQL (Aurora): bring the target's schema
// up to date, make sure both databases are at the same migration, copy, verify.

export interface SqliteToPostgresOptions extends Omit<CopyOptions, 'mode'> {
  from: string;
  to: string;
  mode: CopyOptions['mode'] | 'verify';
  /** Runs the target's migrations (the same path as `npm run db:migrate`). */
  migrate?(url: string): Promise<void>;
}

export class VerificationFailed extends Error {
  constructor(readonly reports: TableReport[]) {
    const bad = reports.filter((r) => !tableMatches(r));
    super(
      `The target differs from the source: ${bad
        .map((r) => `${r.table} (source ${r.sourceRows} rows, target ${r.targetRows}${r.differing.length ? `; differing or missing: ${r.differing.slice(0, 5).join(', ')}` : ''})`)
        .join('; ')}.`,
    );
  }
}

/** Where a database URL points, for messages: never its password. */
export function describeUrl(url: string): string {
  if (url.startsWith('file:')) return url;
  const parsed = new URL(url);
  return `postgresql://${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/** Applied migrations by name, without the timestamp each provider's folder gives them (the two differ). */
async function appliedMigrations(db: Database, which: string): Promise<string[]> {
  let rows: { migration_name: string }[];
  try {
    rows = await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
  } catch (error) {
    throw new CopyRefused(`The ${which} database has no migration history (${error instanceof Error ? error.message.split('\n').pop() : String(error)}): is it a Resume2Website database?`);
  }
  return rows.map((r) => r.migration_name.replace(/^\d+_/, ''));
}

async function assertSameMigrations(source: Database, target: Database): Promise<void> {
  const [from, to] = [await appliedMigrations(source, 'source'), await appliedMigrations(target, 'target')];
  if (from.join('\n') === to.join('\n')) return;
  throw new CopyRefused(
    `The two databases are not at the same migration: source at ${from.at(-1) ?? '(none)'} (${from.length} applied), target at ${to.at(-1) ?? '(none)'} (${to.length} applied). ` +
      'Bring the source up to date first: DATABASE_URL=<source> npm run db:migrate (with the same version of the code).',
  );
}

function open(url: string): DatabaseAccess {
  return createDatabase({ url, provider: url.startsWith('file:') ? 'sqlite' : 'postgresql', migrateOnStart: false, connectTimeoutSeconds: 10 });
}

/** Runs the whole move; resolves with the verification, throws CopyRefused, RowMismatch or VerificationFailed. */
export async function migrateSqliteToPostgres(options: SqliteToPostgresOptions): Promise<TableReport[]> {
  const { from, to, progress } = options;
  // Opening a missing SQLite file would create an empty database and copy nothing.
  if (!existsSync(path.resolve(from.slice('file:'.length)))) throw new CopyRefused(`There is no SQLite database at ${from}.`);
  if (options.mode !== 'verify') {
    progress(`Applying the target's migrations (${describeUrl(to)})`);
    const logger = createLogger({ level: 'error', service: 'r2w-migrate' });
    await (options.migrate ?? ((url) => migrateDatabase(url, logger)))(to);
  }
  const source = open(from);
  const target = open(to);
  try {
    await assertSameMigrations(source.db, target.db);
    if (options.mode !== 'verify') {
      progress(
        `Copying ${describeUrl(from)} → ${describeUrl(to)} (${options.mode === 'empty' ? 'into an empty target' : options.mode === 'resume' ? 'resuming' : 'after deleting the target rows'}, ${options.batchSize} rows a batch)`,
      );
      await copyTables(source.db, target.db, { ...options, mode: options.mode });
    }
    progress('Verifying every table (row counts, rows, checksums)');
    const reports = await verifyTables(source.db, target.db, options);
    if (!reports.every(tableMatches)) throw new VerificationFailed(reports);
    return reports;
  } finally {
    await Promise.allSettled([source.close(), target.close()]);
  }
}
