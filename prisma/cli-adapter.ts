// Driver adapters for the Prisma CLI only (migrate, generate). Each patch below works
// around a Prisma 6.19 bug on the WebAssembly-engine route; none of them is loaded by
// the application at run time. See shared/NOTES-toolchain.md.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(':')[0]}:…"`);
}

// Column types the pg adapter understands (its fieldToColumnType switch). The schema
// engine also reads pg_catalog columns of other built-in types, such as `name`
// (prisma/orm#27403); those arrive as strings, so they are reported as text.
const PG_TEXT_OID = 25;
const PG_FIRST_USER_OID = 16384;
const PG_KNOWN_OIDS = new Set([
  16, 17, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560, 1562, 1700, 2950, 3802, 143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014,
  1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);

type Patchable = Record<string, unknown>;
// A driver adapter's method, called with its own `this` and one query.
type Method = (this: unknown, query: unknown) => Promise<unknown>;

function patchOnce(proto: Patchable, method: string, wrap: (original: Method) => Method): void {
  const marker = `__r2wPatched_${method}`;
  if (proto[marker]) return;
  proto[marker] = true;
  proto[method] = wrap(proto[method] as Method);
}

// A long timer left by the wasm engine keeps the CLI alive for up to a minute after it
// has finished; this process only ever runs the CLI, so no timer needs to hold it open.
function unrefLongTimers(): void {
  const original = globalThis.setTimeout;
  const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= 1000) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}

async function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({ url });
  const probe = await factory.connect();
  // better-sqlite3's prepare() takes one statement, so a migration with several
  // statements fails with P3006: run parameterless SQL through exec() instead.
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(probe)) as Patchable;
  patchOnce(
    queryable,
    'executeRaw',
    (original) =>
      async function (this: unknown, raw: unknown) {
        const query = raw as { sql: string; args: unknown[] };
        if (query.args.length > 0) return original.call(this, query);
        (this as { client: { exec(sql: string): void } }).client.exec(query.sql);
        return 0;
      },
  );
  await probe.dispose();
  return factory;
}

async function postgresAdapter(url: string) {
  const parsed = new URL(url);
  // Separate connection fields (not connectionString) so that the shadow-database pool
  // really connects to the shadow database rather than the main one.
  const factory = new PrismaPg({
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    allowExitOnIdle: true,
  });
  const probe = await factory.connect();
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(probe)) as Patchable;
  patchOnce(
    queryable,
    'performIO',
    (original) =>
      async function (this: unknown, query: unknown) {
        // A migration with several statements comes back as one result per statement.
        type Result = { fields?: { dataTypeID: number }[] };
        const result = (await original.call(this, query)) as Result | Result[];
        for (const one of Array.isArray(result) ? result : [result]) {
          for (const field of one.fields ?? []) {
            if (field.dataTypeID < PG_FIRST_USER_OID && !PG_KNOWN_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
          }
        }
        return result;
      },
  );
  await probe.dispose();

  // The stock shadow-database dispose drops the database while its own pool still holds
  // connections to it; close the pool first.
  factory.connectToShadowDb = async function connectToShadowDb() {
    const main = await factory.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowFactory = new PrismaPg({ ...(factory as unknown as { config: object }).config, database });
    const shadow = await shadowFactory.connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}

export async function cliAdapterFor(url: string) {
  unrefLongTimers();
  return providerOf(url) === 'sqlite' ? sqliteAdapter(url) : postgresAdapter(url);
}
