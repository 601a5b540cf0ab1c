import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../observability/logger';

// Applies pending migrations by running the same script as `npm run db:migrate` (the
// Prisma CLI with the WebAssembly schema engine), so local start-up and the production
// migration task share one path.
const repoRoot = path.resolve(__dirname, '../../..');

export async function migrateDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  const started = Date.now();
  try {
    await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/db-migrate.mjs'), 'deploy'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 10 * 1024 * 1024,
    });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed:\n${output.stderr || output.stdout || String(error)}`, { cause: error });
  }
  logger.info('database migrations applied', { durationMs: Date.now() - started });
}
