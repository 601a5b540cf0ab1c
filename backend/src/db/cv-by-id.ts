import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Cv } from './generated/sqlite/client';

// Every CV route starts by reading one CV by its primary key (the access check), and the
// editor and its preview do it on every load and poll. Through Prisma 6 that read paid a
// query compilation and a statement preparation each time: 40–75 % of the API's CPU on an
// authenticated GET under load (`npm run bench:api`). Here it is one statement prepared
// once per connection, returning exactly the row Prisma returns (test/api/cv-by-id.test.ts
// compares the two on both databases).
export type CvById = (id: string) => Promise<Cv | null>;

const COLUMNS = [
  'id',
  'userId',
  'claimTokenHash',
  'status',
  'progress',
  'progressMessage',
  'fileName',
  'fileKey',
  'fileKind',
  'fileSize',
  'photoKey',
  'data',
  'extractor',
  'errorCode',
  'errorMessage',
  'attempts',
  'requestId',
  'uploaderHash',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Cv)[];

const SELECT = `SELECT ${COLUMNS.map((column) => `"${column}"`).join(', ')} FROM "Cv" WHERE "id" = `;

type Row = Record<(typeof COLUMNS)[number], unknown>;

/** SQLite keeps Prisma's DateTime as ISO text with an offset, as epoch milliseconds, or (a column default) as UTC `YYYY-MM-DD HH:MM:SS`. */
function sqliteDate(value: unknown): Date {
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export function sqliteCvById(file: string): { cvById: CvById; close: () => void } {
  // Opened on first use: at construction the database file may not have been migrated yet.
  let statement: BetterSqlite3.Statement<[string], Row> | undefined;
  let connection: BetterSqlite3.Database | undefined;
  return {
    cvById: async (id) => {
      if (!statement) {
        // Its own read-only connection: Prisma's adapter does not expose its own.
        connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
        statement = connection.prepare<[string], Row>(`${SELECT}?`);
      }
      const row = statement.get(id);
      if (!row) return null;
      return {
        ...row,
        data: row.data === null ? null : JSON.parse(row.data as string),
        createdAt: sqliteDate(row.createdAt),
        updatedAt: sqliteDate(row.updatedAt),
      } as Cv;
    },
    close: () => connection?.close(),
  };
}

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

// Prisma writes DateTime as UTC into `timestamp(3)` (no zone); pg would read it as local time.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export function postgresCvById(pool: pg.Pool): CvById {
  return async (id) => {
    // A named statement is parsed and planned once per connection.
    const result = await pool.query<Row>({ name: 'r2w-cv-by-id', text: `${SELECT}$1`, values: [id], types });
    return (result.rows[0] as Cv | undefined) ?? null;
  };
}
