import { parseArgs } from 'node:util';
import { CopyRefused, RowMismatch } from '../data-migration/copy-database';
import { migrateSqliteToPostgres, VerificationFailed, type SqliteToPostgresOptions } from '../data-migration/sqlite-to-postgres';
import type { CliIo } from './r2w';

const USAGE = `Usage:
  npm run migrate:sqlite-to-postgres -- --from file:<sqlite file> --to postgresql://<user>:<password>@<host>:5432/<db> [options]

Copies every table of the local SQLite database into PostgreSQL, then checks that both
hold the same rows: row counts, every row, and a checksum per table. Stop the API and the
worker first: rows written during the copy are not copied.

Before copying, the target's migrations are applied (npm run db:migrate), and the copy is
refused unless source and target are then at the same migration.

  --from <url>        the SQLite database, file:<path> (required)
  --to <url>          the PostgreSQL database, postgresql://... (required; it must exist)
  --resume            continue a copy that stopped: rows already in the target are checked
                      against the source and skipped when equal; a row that differs stops
                      the copy (it is never overwritten); missing rows are copied
  --force             delete every row of the target's tables first, then copy
  --verify            copy nothing, only compare source and target
  --batch-size <n>    rows read and written at a time (default 500)

Without --resume or --force a target that already has rows is refused.
Exit status: 0 copied and verified; 1 refused, a row differs, or the copy failed; 2 wrong usage.`;

class UsageError extends Error {}

function parse(argv: string[]): Omit<SqliteToPostgresOptions, 'progress'> | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      resume: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (!values.from?.startsWith('file:')) throw new UsageError('--from must name the SQLite database as file:<path>.');
  if (!values.to || !/^postgres(ql)?:\/\/[^\s]+$/.test(values.to)) throw new UsageError('--to must be a PostgreSQL URL, postgresql://user:password@host:5432/database.');
  const modes = (['resume', 'force', 'verify'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new UsageError(`Choose one of --resume, --force and --verify (got ${modes.map((m) => `--${m}`).join(' and ')}).`);
  const batchSize = values['batch-size'] === undefined ? 500 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError('--batch-size must be a whole number from 1 to 10000.');
  return { from: values.from, to: values.to, mode: modes[0] ?? 'empty', batchSize };
}

/** Runs the command line; returns the exit code. `hooks` lets tests interrupt a copy. */
export async function runMigrateCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  hooks: Pick<SqliteToPostgresOptions, 'afterBatch' | 'migrate'> = {},
): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    const reports = await migrateSqliteToPostgres({ ...options, ...hooks, progress: (line) => io.out(line) });
    io.out(`Done: ${reports.length} tables, ${reports.reduce((n, r) => n + r.targetRows, 0)} rows, equal in source and target.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused || error instanceof RowMismatch || error instanceof VerificationFailed) io.err(error.message);
    else io.err(`The copy stopped: ${error instanceof Error ? error.message : String(error)}\nRun again with --resume to continue where it stopped.`);
    return 1;
  }
}

if (require.main === module) {
  void runMigrateCli(process.argv.slice(2)).then((code) => process.exit(code));
}
