import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMigratedDatabase, migrate } from './databases';

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
  await ensureMigratedDatabase(database);
  process.env.R2W_TEST_POSTGRES_DB = database;
}
