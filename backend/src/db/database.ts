import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import type { Config } from '../config/env';

// Both generated clients come from the same models (prisma/models.prisma), so their
// model APIs are the same; the application is typed against one of them.
export type Database = SqliteClient;
export { Prisma } from './generated/sqlite/client';

export function createDatabase(config: Config['database']): Database {
  if (config.provider === 'sqlite') {
    // `timeout` is SQLite's busy timeout: the API and a local worker process share the file.
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: config.url, timeout: 5000 }) });
  }
  const adapter = new PrismaPg({
    connectionString: config.url,
    connectionTimeoutMillis: config.connectTimeoutSeconds * 1000,
    // A query that hangs on a dead connection must end as a 503, not hold the request.
    query_timeout: 15_000,
  });
  return new PostgresClient({ adapter }) as unknown as Database;
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
