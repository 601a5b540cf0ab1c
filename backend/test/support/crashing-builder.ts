import { buildPrefix } from '../../src/builder/site-files';
import { loadConfig } from '../../src/config/env';
import { createStorage } from '../../src/adapters/storage/create-storage';
import { createDatabase } from '../../src/db/database';

// A builder that dies half-way through writing its site, as an OOM-killed task would:
// no chance to record anything.
async function crash(): Promise<void> {
  const config = loadConfig();
  const { db } = createDatabase(config.database);
  const build = await db.build.findUniqueOrThrow({ where: { id: process.env.BUILD_ID! } });
  await db.build.update({ where: { id: build.id }, data: { status: 'running', progress: 40, progressMessage: 'Saving your site' } });
  await createStorage(config).put(`${buildPrefix(build.portfolioId, build.id)}index.html`, '<!doctype html><html><body><h1>Half a si');
  process.kill(process.pid, 'SIGKILL');
}
void crash();
