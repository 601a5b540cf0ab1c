import { ConfigError, loadConfig } from '../config/env';
import { createStorage } from '../adapters/storage/create-storage';
import { createDatabase } from '../db/database';
import { createLogger, withLogContext } from '../observability/logger';
import { runBuild } from './run-build';

// The builder process: `node portfolio-task/dist/main.js` with BUILD_ID (and the same
// configuration as the API) in its environment. Exits 0 when the build succeeded (or had
// already finished), non-zero with the failure recorded on the build otherwise.
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 2;
  }
  const logger = createLogger({ level: config.logLevel, service: 'r2w-builder' });
  const buildId = env.BUILD_ID;
  if (!buildId) {
    logger.error('BUILD_ID is not set: the builder needs the id of the build to run');
    return 2;
  }
  const { db, close } = createDatabase(config.database);
  try {
    const outcome = await withLogContext({ requestId: env.REQUEST_ID, buildId }, () => runBuild(buildId, { db, storage: createStorage(config), logger, sitesBaseUrl: config.sites.baseUrl }));
    logger.info('builder finished', { buildId, outcome });
    return 0;
  } catch {
    return 1;
  } finally {
    await close();
  }
}
