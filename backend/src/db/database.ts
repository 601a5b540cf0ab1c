import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import type { Config } from '../config/env';
import { postgresCvById, sqliteCvById, type CvById } from './cv-by-id';
import { noTracing, type Tracing } from '../observability/tracing';

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

const DATABASE_TYPES = { sqlite: 'SQLite', postgresql: 'PostgreSQL' } as const;

type Provider = Config['database']['provider'];

/**
 * With tracing on, one X-Ray subsegment per query: which model and operation, never the
 * query's values (they are people's data). Off, the client is returned as it is.
 */
function traced(db: Database, provider: Provider, tracing: Tracing): Database {
  if (!tracing.enabled) return db;
  return db.$extends({
    query: { $allOperations: ({ model, operation, args, query }) => querySubsegment(tracing, provider, model ?? 'raw', operation, () => query(args)) },
  }) as unknown as Database;
}

/** The hot CV read, which skips Prisma, traced the same way. */
function tracedCvById(cvById: CvById, provider: Provider, tracing: Tracing): CvById {
  if (!tracing.enabled) return cvById;
  return (id) => querySubsegment(tracing, provider, 'Cv', 'findById', () => cvById(id));
}

function querySubsegment<T>(tracing: Tracing, provider: Provider, model: string, operation: string, run: () => Promise<T>): Promise<T> {
  return tracing.subsegment(provider, run, { namespace: 'remote', sql: { database_type: DATABASE_TYPES[provider] }, annotations: { model, operation } });
}

export function createDatabase(config: Config['database'], tracing: Tracing = noTracing): DatabaseAccess {
  if (config.provider === 'sqlite') {
    // `timeout` is SQLite's busy timeout: the API and a local worker process share the file.
    const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: config.url, timeout: 5000 }) });
    const db = traced(client, 'sqlite', tracing);
    const reader = sqliteCvById(config.url.replace(/^file:/, ''));
    return {
      db,
      cvById: tracedCvById(reader.cvById, 'sqlite', tracing),
      close: async () => {
        reader.close();
        await client.$disconnect();
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
  const client = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Database;
  const db = traced(client, 'postgresql', tracing);
  return {
    db,
    cvById: tracedCvById(postgresCvById(pool), 'postgresql', tracing),
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
