import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createS3Storage, LocalFolderStorage, StorageEnvSchema, storageEnvProblems, storageSettings } from '@r2w/storage';
import { syncStorageToS3 } from '../data-migration/sync-storage';
import type { CliIo } from './r2w';

const USAGE = `Usage:
  S3_BUCKET=<bucket> AWS_REGION=<region> [S3_KEY_PREFIX=...] [S3_SSE=AES256|aws:kms S3_KMS_KEY_ID=...] \\
    npm run sync:storage-to-s3 -- [--from <storage folder>]

Copies every object of the local storage folder (the one the API writes with
STORAGE_DRIVER=local: DATA_DIR/storage, holding objects/ and meta/) to the S3 bucket the
product will use, under the same keys and with the same content types. The bucket comes
from the same variables the API reads with STORAGE_DRIVER=s3 (S3_BUCKET, S3_KEY_PREFIX,
AWS_REGION, AWS_ENDPOINT_URL, S3_FORCE_PATH_STYLE, S3_SSE, S3_KMS_KEY_ID) and credentials
from the AWS SDK's usual chain.

Every object is sent with its SHA-256, which S3 checks on receipt, and is read back
afterwards (size and SHA-256). Running it again is safe: objects already in S3 with the
same size and SHA-256 are skipped, and any that differ are uploaded again.

  --from <dir>        the storage folder (default: $DATA_DIR/storage, DATA_DIR defaulting to ./data)
  --concurrency <n>   objects handled at once (default 4)

Exit status: 0 every object is in S3 and equal; 1 some failed (listed) or S3 could not be reached; 2 wrong usage.`;

class UsageError extends Error {}

/** Runs the command line; returns the exit code. */
export async function runSyncCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  let from: string;
  let concurrency: number;
  let settings;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { from: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64.');
    // The target is always S3, whatever STORAGE_DRIVER says in this shell.
    const raw = { ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')), STORAGE_DRIVER: 's3' };
    const parsed = StorageEnvSchema.safeParse(raw);
    const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...storageEnvProblems(raw).map((p) => `${p.variable}: ${p.message}`)];
    if (!parsed.success || problems.length > 0) throw new UsageError(`The S3 bucket is not configured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    settings = storageSettings(parsed.data);
    from = path.resolve(values.from ?? path.join(parsed.data.DATA_DIR, 'storage'));
    if (!existsSync(path.join(from, 'objects'))) throw new UsageError(`${from} is not a local storage folder (there is no objects/ folder in it).`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (settings.driver !== 's3') throw new Error('unreachable: the driver was set to s3');
  const target = createS3Storage(settings);
  try {
    io.out(`Syncing ${from} → s3://${settings.bucket}/${settings.keyPrefix}`);
    await target.ping();
    const summary = await syncStorageToS3(new LocalFolderStorage({ root: from }), target, { concurrency, progress: (line) => io.out(line) });
    io.out(`Done: ${summary.total} objects: ${summary.copied} copied, ${summary.replaced} replaced (differed), ${summary.skipped} skipped (already there), ${summary.failed.length} failed.`);
    for (const { key, error } of summary.failed) io.err(`failed: ${key}: ${error}`);
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`The sync stopped: ${error instanceof Error ? error.message : String(error)}\nRun it again: what is already in S3 is skipped.`);
    return 1;
  } finally {
    target.destroy();
  }
}

if (require.main === module) {
  void runSyncCli(process.argv.slice(2)).then((code) => process.exit(code));
}
