import { randomUUID } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { runMigrateCli } from '../../src/cli/migrate-sqlite-to-postgres';
import { TABLES, type TableName } from '../../src/data-migration/copy-database';
import { rowChecksum } from '../../src/data-migration/row-checksum';
import { createDatabase, Prisma, type DatabaseAccess } from '../../src/db/database';
import { bearer, registerAccount } from '../support/accounts';
import { createScratchPostgres, repoRoot } from '../support/databases';
import { buildAndWait, createSamplePortfolio } from '../support/portfolio-steps';
import { createTestApp, testDatabaseUrl } from '../support/test-app';

// `npm run migrate:sqlite-to-postgres`: a SQLite database filled by the product itself
// (every table non-empty) copied into the real local PostgreSQL, a fresh database per
// test. Interruptions are injected after a given batch, never timed.

let sourceUrl: string;

beforeAll(async () => {
  sourceUrl = testDatabaseUrl('sqlite');
  const t = createTestApp({ DATABASE_URL: sourceUrl });
  try {
    // Users, imported CVs, a portfolio with settings, a build and its publication, through the API.
    const owner = await registerAccount(t.app);
    await registerAccount(t.app);
    const portfolioId = await createSamplePortfolio(t.app, owner);
    const settings = await request(t.app)
      .patch(`/api/v1/portfolios/${portfolioId}`)
      .set(...bearer(owner.accessToken))
      .send({ settings: { accentColor: '#336699', showPhoto: false, language: 'pt-BR' } });
    expect(settings.status).toBe(200);
    expect((await buildAndWait(t.app, owner, portfolioId)).status).toBe('succeeded');
    expect(
      (
        await request(t.app)
          .post(`/api/v1/portfolios/${portfolioId}/publish`)
          .set(...bearer(owner.accessToken))
      ).status,
    ).toBe(200);
    // An anonymous upload: a CV with no user, no data yet, and an uploader hash.
    expect((await request(t.app).post('/api/v1/cvs').attach('file', Buffer.from('Jane Doe\nEngineer\njane@example.com\n'), 'cv.txt')).status).toBe(202);
    // Values that tell the databases apart: non-ASCII text, quotes and new lines, a failed
    // build with nulls, a portfolio with no settings (Json NULL), old and precise dates.
    const db = t.container.db;
    const user = await db.user.create({
      data: { id: randomUUID(), email: `zoë-${randomUUID()}@example.com`, name: 'Zoë "Z" O’Brien\n🙂', passwordHash: null, createdAt: new Date('1999-12-31T23:59:59.999Z') },
    });
    const cv = await db.cv.create({ data: { id: randomUUID(), userId: user.id, status: 'ready', data: { z: 1, a: { nested: [true, null, 2.5, 'ünï'] } }, extractor: 'import' } });
    const bare = await db.portfolio.create({ data: { id: randomUUID(), userId: user.id, cvId: cv.id, templateId: 'minimal' } });
    await db.build.create({
      data: { id: randomUUID(), portfolioId: bare.id, templateId: 'minimal', status: 'failed', errorCode: 'BUILD_FAILED', errorMessage: "It's\tbroken", finishedAt: new Date() },
    });
    // A social sign-in, and a refunded purchase whose refund came first (no user yet) with its events.
    await db.oAuthIdentity.create({ data: { id: randomUUID(), provider: 'google', subject: '1093847561', userId: user.id } });
    await db.purchase.create({ data: { id: 'pi_3Q', userId: null, status: 'refunded', amount: 1900, currency: 'eur' } });
    await db.purchase.create({ data: { id: 'pi_4R', userId: user.id, checkoutSessionId: 'cs_test_a1', status: 'paid', amount: 1900, currency: 'eur' } });
    await db.paymentEvent.create({ data: { id: 'evt_1', type: 'charge.refunded', userId: null, outcome: 'applied' } });
    await db.passwordResetToken.create({ data: { id: randomUUID(), userId: user.id, tokenHash: 'a'.repeat(64), expiresAt: new Date('2000-01-01T00:59:59.999Z'), usedAt: null } });
  } finally {
    await t.close();
  }
}, 120_000);

let target: { url: string; drop(): Promise<void> } | undefined;
beforeEach(async () => {
  target = await createScratchPostgres('migrate');
});
afterEach(async () => {
  await target?.drop();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

async function withDatabase<T>(url: string, use: (db: DatabaseAccess['db']) => Promise<T>): Promise<T> {
  const access = createDatabase({ url, provider: url.startsWith('file:') ? 'sqlite' : 'postgresql', migrateOnStart: false, connectTimeoutSeconds: 5 });
  try {
    return await use(access.db);
  } finally {
    await access.close();
  }
}

type Delegate = { findMany(): Promise<Record<string, unknown>[]> };
const delegateOf = (db: DatabaseAccess['db'], table: TableName) => (db as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)]!;

/** Every table's rows as id → checksum, read independently of the tool. */
async function contents(url: string): Promise<Record<TableName, Record<string, string>>> {
  return withDatabase(url, async (db) => {
    const all = {} as Record<TableName, Record<string, string>>;
    for (const { model } of TABLES) all[model] = Object.fromEntries((await delegateOf(db, model).findMany()).map((row) => [row.id as string, rowChecksum(row)]));
    return all;
  });
}

const args = (...extra: string[]) => ['--from', sourceUrl, '--to', target!.url, '--batch-size', '2', ...extra];

describe('migrate:sqlite-to-postgres', () => {
  it('copies every table with equal row counts and checksums, printing progress per table', async () => {
    const run = io();
    expect(await runMigrateCli(args(), run.io)).toBe(0);
    const [source, copied] = [await contents(sourceUrl), await contents(target!.url)];
    for (const { model } of TABLES) expect(Object.keys(source[model]).length).toBeGreaterThan(0);
    expect(copied).toEqual(source);
    for (const { model } of TABLES) {
      expect(run.out.some((line) => line.startsWith(`${model}: `) && / rows \(\d+ copied/.test(line))).toBe(true);
      expect(run.out.some((line) => line.startsWith(model) && line.endsWith('equal'))).toBe(true);
    }
    expect(run.out.at(-1)).toMatch(new RegExp(`^Done: ${TABLES.length} tables, \\d+ rows, equal in source and target\\.$`));
    // Values read back through the PostgreSQL client are the ones written to SQLite.
    const zoe = await withDatabase(target!.url, (db) => db.user.findFirstOrThrow({ where: { name: { startsWith: 'Zoë' } } }));
    expect(zoe).toMatchObject({ name: 'Zoë "Z" O’Brien\n🙂', passwordHash: null, createdAt: new Date('1999-12-31T23:59:59.999Z') });
    // A Json column's NULL stays a database NULL (not the JSON value null).
    expect(await withDatabase(target!.url, (db) => db.portfolio.count({ where: { settings: { equals: Prisma.DbNull } } }))).toBe(1);
  });

  it('resumes an interrupted copy without duplicating rows, and refuses the half-filled target without --resume', async () => {
    const interrupted = io();
    const code = await runMigrateCli(args(), interrupted.io, {
      afterBatch: (table, batch) => {
        if (table === 'Cv' && batch === 1) throw new Error('injected failure after the first batch of Cv');
      },
    });
    expect(code).toBe(1);
    expect(interrupted.err.join('\n')).toMatch(/injected failure[\s\S]*--resume/);
    const half = await contents(target!.url);
    expect(Object.keys(half.Cv)).toHaveLength(2);
    expect(Object.keys(half.Portfolio)).toHaveLength(0);

    const refused = io();
    expect(await runMigrateCli(args(), refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/already has rows \(User \d+, OAuthIdentity 1, PasswordResetToken 1, Cv 2\)[\s\S]*--resume[\s\S]*--force/);

    const resumed = io();
    expect(await runMigrateCli(args('--resume'), resumed.io)).toBe(0);
    expect(resumed.out.some((line) => /^Cv: 2\/\d+ rows \(0 copied, 2 already there\)$/.test(line))).toBe(true);
    expect(await contents(target!.url)).toEqual(await contents(sourceUrl));
  });

  it('finds a target row that differs, never overwrites it with --resume, and rewrites it only with --force', async () => {
    expect(await runMigrateCli(args(), io().io)).toBe(0);
    const tampered = await withDatabase(target!.url, async (db) => {
      const user = await db.user.findFirstOrThrow({ where: { name: { startsWith: 'Zoë' } } });
      await db.user.update({ where: { id: user.id }, data: { plan: 'pro' } });
      return user.id;
    });

    const verify = io();
    expect(await runMigrateCli(args('--verify'), verify.io)).toBe(1);
    expect(verify.out.some((line) => line.startsWith('User') && line.endsWith('DIFFERENT'))).toBe(true);
    expect(verify.err.join('\n')).toContain(tampered);

    const resume = io();
    expect(await runMigrateCli(args('--resume'), resume.io)).toBe(1);
    expect(resume.err.join('\n')).toMatch(new RegExp(`User: 1 row\\(s\\) in the target differ from the source \\(${tampered}\\)`));
    expect(await withDatabase(target!.url, (db) => db.user.findUniqueOrThrow({ where: { id: tampered } }))).toMatchObject({ plan: 'pro' });

    const force = io();
    expect(await runMigrateCli(args('--force'), force.io)).toBe(0);
    expect(force.out).toContain('User: deleted 3 row(s) from the target (--force)');
    expect(await contents(target!.url)).toEqual(await contents(sourceUrl));
  });

  it('refuses databases at different migrations, and wrong usage', async () => {
    // A copy of the source one migration behind the code (and so behind the migrated target).
    const names = readdirSync(path.join(repoRoot, 'prisma/sqlite/migrations'))
      .filter((name) => /^\d+_/.test(name))
      .sort()
      .map((name) => name.replace(/^\d+_/, ''));
    const behind = path.join(path.dirname(sourceUrl.slice('file:'.length)), 'behind.db');
    copyFileSync(sourceUrl.slice('file:'.length), behind);
    await withDatabase(`file:${behind}`, (db) => db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_${names.at(-1)}'`));
    const refused = io();
    expect(await runMigrateCli(['--from', `file:${behind}`, '--to', target!.url], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toContain(`not at the same migration: source at ${names.at(-2)} (${names.length - 1} applied), target at ${names.at(-1)} (${names.length} applied)`);
    expect(await contents(target!.url)).toEqual(Object.fromEntries(TABLES.map(({ model }) => [model, {}])));

    for (const wrong of [[], ['--from', sourceUrl], ['--from', 'x.db', '--to', target!.url], args('--resume', '--force'), args('--batch-size', '0')]) {
      const usage = io();
      expect(await runMigrateCli(wrong, usage.io)).toBe(2);
      expect(usage.err.join('\n')).toContain('Usage:');
    }
    const missing = io();
    expect(await runMigrateCli(['--from', 'file:/nonexistent/r2w.db', '--to', target!.url], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/There is no SQLite database at file:\/nonexistent\/r2w\.db/);
    const help = io();
    expect(await runMigrateCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/--resume[\s\S]*never overwritten[\s\S]*--force/);
  });
});
