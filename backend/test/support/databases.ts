import { execFileSync } from 'node:child_process';
import path from 'node:path';

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

/** A PostgreSQL database of its own for one test (empty, not migrated); drop() removes it. */
export async function createScratchPostgres(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = await import('pg');
  const database = `r2w_${tag}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: postgresUrlFor(database),
    async drop() {
      const closer = new Client({ connectionString: adminPostgresUrl });
      await closer.connect();
      try {
        await closer.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await closer.end();
      }
    },
  };
}
