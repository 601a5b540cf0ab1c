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
