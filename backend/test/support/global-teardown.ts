import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { adminPostgresUrl } from './databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.R2W_TEST_DIR) rmSync(process.env.R2W_TEST_DIR, { recursive: true, force: true });
  const database = process.env.R2W_TEST_POSTGRES_DB;
  if (!database) return;
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}
