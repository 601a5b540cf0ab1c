// Prisma CLI configuration (generate, migrate). Chooses the schema and migrations of the
// database that DATABASE_URL names, and runs the WebAssembly schema engine through a
// driver adapter, because the native schema engine cannot be downloaded on our machines.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapterFor, providerOf } from './prisma/cli-adapter';

const provider = providerOf(process.env.DATABASE_URL ?? 'file:./data/r2w.db');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  adapter: () => cliAdapterFor(process.env.DATABASE_URL ?? 'file:./data/r2w.db'),
});
