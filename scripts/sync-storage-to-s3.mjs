// npm run sync:storage-to-s3 -- --help
import { runBackendCli } from './backend-cli.mjs';

await runBackendCli('sync-storage-to-s3', 'runSyncCli');
