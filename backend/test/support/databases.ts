import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

// Shared by the global set-up (which creates and migrates the run's databases) and
// the tests (which connect to them). One PostgreSQL database per test run, so runs on
// the same machine never meet.
export const repoRoot = path.resolve(__dirname, '../../..');
export const adminPostgresUrl = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function postgresUrlFor(database: string): string {
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/db-migrate.mjs'), 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Runs fn on a connection to the server's admin database, with a clear error when PostgreSQL is down. */
async function withAdmin<T>(fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminPostgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not answering at ${adminPostgresUrl} (${(error as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, {
      cause: error,
    });
  }
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Creates the database unless it exists, then brings it up to date; returns its URL. */
export async function ensureMigratedDatabase(database: string): Promise<string> {
  await withAdmin(async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  });
  const url = postgresUrlFor(database);
  migrate(url);
  return url;
}

export async function dropDatabase(database: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/**
 * A copy of the run's migrated template database for one test file, so files running in
 * parallel never see each other's rows. The global teardown drops every database named
 * after the template.
 */
export async function cloneTemplateDatabase(template: string): Promise<string> {
  const database = `${template}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
  return database;
}

/** Drops the template and every copy of it made by cloneTemplateDatabase. */
export async function dropTemplateAndCopies(template: string): Promise<void> {
  const found = await withAdmin((admin) => admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)', [template, `${template}_`]));
  for (const { datname } of found.rows) await dropDatabase(datname);
}

/** A PostgreSQL database of its own for one test (empty, not migrated); drop() removes it. */
export async function createScratchPostgres(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `r2w_${tag}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${database}"`));
  return { url: postgresUrlFor(database), drop: () => dropDatabase(database) };
}
