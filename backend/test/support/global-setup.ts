import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureMigratedDatabase, migrate } from './databases';

// Creates this run's databases once: a migrated SQLite template and a migrated PostgreSQL
// template, which each test file copies (own-postgres-database.ts for PostgreSQL), so files
// running in parallel never contend for one database or see each other's rows. Workers
// inherit the environment variables set here.
export default async function globalSetup(): Promise<void> {
  // The suite starts many Node processes (parsers, the API, migrations, builds) and none
  // of them speaks TLS to an outside host; a machine-wide extra CA bundle would make each of them
  // read and parse the bundle at start-up (about 40 ms apiece on a busy laptop).
  delete process.env.NODE_EXTRA_CA_CERTS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-test-'));
  const template = path.join(dir, 'template.db');
  migrate(`file:${template}`);
  process.env.R2W_TEST_DIR = dir;
  process.env.R2W_TEST_SQLITE_TEMPLATE = template;
  // The unit tier (npm run test:unit) runs without services.
  if (process.env.R2W_TEST_TIER === 'unit') return;

  const postgresTemplate = `r2w_test_${process.pid}_${Date.now()}`;
  await ensureMigratedDatabase(postgresTemplate);
  process.env.R2W_TEST_POSTGRES_TEMPLATE = postgresTemplate;
}
