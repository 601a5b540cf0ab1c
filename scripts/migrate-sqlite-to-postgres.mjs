// npm run migrate:sqlite-to-postgres -- --help
import { runBackendCli } from './backend-cli.mjs';

await runBackendCli('migrate-sqlite-to-postgres', 'runMigrateCli');
