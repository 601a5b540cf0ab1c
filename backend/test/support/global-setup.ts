import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { adminPostgresUrl, migrate, postgresUrlFor } from './databases';

// Creates this run's databases once: a migrated SQLite template that each test file
// copies (so files never contend for one SQLite file), and a migrated PostgreSQL
// database. Workers inherit the environment variables set here.
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-test-'));
  const template = path.join(dir, 'template.db');
  migrate(`file:${template}`);
  process.env.R2W_TEST_DIR = dir;
  process.env.R2W_TEST_SQLITE_TEMPLATE = template;
  // The unit tier (npm run test:unit) runs without services.
  if (process.env.R2W_TEST_TIER === 'unit') return;

  const database = `r2w_test_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: adminPostgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not answering at ${adminPostgresUrl} (${(error as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, {
      cause: error,
    });
  }
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  process.env.R2W_TEST_POSTGRES_DB = database;
  migrate(postgresUrlFor(database));
}
