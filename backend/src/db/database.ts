import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import type { Config } from '../config/env';
import { postgresCvById, sqliteCvById, type CvById } from './cv-by-id';

// Both generated clients come from the same models (prisma/models.prisma), so their
// model APIs are the same; the application is typed against one of them.
export type Database = SqliteClient;
export { Prisma } from './generated/sqlite/client';

export interface DatabaseAccess {
  db: Database;
  /** The hot read of one CV by id, on the same database (and, on PostgreSQL, the same pool). */
  cvById: CvById;
  close(): Promise<void>;
}

export function createDatabase(config: Config['database']): DatabaseAccess {
  if (config.provider === 'sqlite') {
    // `timeout` is SQLite's busy timeout: the API and a local worker process share the file.
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: config.url, timeout: 5000 }) });
    const reader = sqliteCvById(config.url.replace(/^file:/, ''));
    return {
      db,
      cvById: reader.cvById,
      close: async () => {
        reader.close();
        await db.$disconnect();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    connectionTimeoutMillis: config.connectTimeoutSeconds * 1000,
    // A query that hangs on a dead connection must end as a 503, not hold the request.
    query_timeout: 15_000,
  });
  // A pooled connection that drops while idle is discarded and replaced on the next query,
  // which reports the failure if the database is still away; unheard, the event would end
  // the process.
  pool.on('error', () => {});
  const db = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Database;
  return {
    db,
    cvById: postgresCvById(pool),
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
