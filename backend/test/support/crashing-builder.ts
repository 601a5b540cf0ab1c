import { buildJobKeys, siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import { createStorage, readObjectText, StorageEnvSchema, storageSettings } from '@r2w/storage';

// A builder that dies half-way through writing its site, as an OOM-killed task would:
// it reports some progress and half a page, and no result. It runs on the packages'
// builds (no r2w-source condition), as the tests' other builders do.
async function crash(): Promise<void> {
  const storage = createStorage(storageSettings(StorageEnvSchema.parse(process.env)));
  const keys = buildJobKeys(process.env.BUILD_JOB!);
  const input = JSON.parse(await readObjectText(storage, keys.input)) as { portfolioId: string; buildId: string };
  await storage.put(keys.progress, JSON.stringify({ progress: 40, message: 'Saving your site', at: new Date().toISOString() }));
  await storage.put(`${siteFilesPrefix(input.portfolioId, input.buildId)}index.html`, '<!doctype html><html><body><h1>Half a si');
  process.kill(process.pid, 'SIGKILL');
}
void crash();
