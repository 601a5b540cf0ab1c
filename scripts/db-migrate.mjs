// Database migrations for whichever database DATABASE_URL names.
//   node scripts/db-migrate.mjs deploy         apply pending migrations (what production runs)
//   node scripts/db-migrate.mjs dev <name>     create a migration for BOTH providers from
//                                              prisma/models.prisma (developers only)
// The dev command uses a scratch SQLite file and a scratch PostgreSQL database
// (MIGRATE_DEV_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/r2w_migrate_dev;
// the role needs CREATEDB for Prisma's shadow database).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSchemas } from './prisma-generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = join(root, 'node_modules/prisma/build/index.js');

function prisma(args, databaseUrl) {
  execFileSync(process.execPath, [prismaCli, ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

// SQLite creates the file but not its folder.
function ensureSqliteFolder(databaseUrl) {
  if (!databaseUrl.startsWith('file:')) return;
  mkdirSync(dirname(resolve(root, databaseUrl.slice('file:'.length))), { recursive: true });
}

export function deploy(databaseUrl) {
  ensureSqliteFolder(databaseUrl);
  prisma(['migrate', 'deploy'], databaseUrl);
}

function dev(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('usage: npm run db:migrate:dev -- <name>   (lower-case letters, digits and _)');
  }
  const sqliteScratch = join(root, 'data', 'migrate-dev.db');
  rmSync(sqliteScratch, { force: true });
  const sqliteUrl = `file:${sqliteScratch}`;
  const postgresUrl = process.env.MIGRATE_DEV_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/r2w_migrate_dev';
  for (const url of [sqliteUrl, postgresUrl]) {
    // `migrate dev` on a brand-new database fails with P1014: deploy what exists first.
    deploy(url);
    prisma(['migrate', 'dev', '--name', name, '--skip-generate'], url);
  }
  rmSync(sqliteScratch, { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, name] = process.argv.slice(2);
  writeSchemas();
  if (command === 'deploy') {
    const url = process.env.DATABASE_URL ?? `file:${join(process.env.DATA_DIR ?? join(root, 'data'), 'r2w.db')}`;
    deploy(url);
  } else if (command === 'dev') {
    dev(name);
  } else {
    console.error('usage: node scripts/db-migrate.mjs deploy | dev <name>');
    process.exit(2);
  }
}
