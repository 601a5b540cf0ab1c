import { rmSync } from 'node:fs';
import { dropTemplateAndCopies } from './databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.R2W_TEST_DIR) rmSync(process.env.R2W_TEST_DIR, { recursive: true, force: true });
  if (process.env.R2W_TEST_POSTGRES_TEMPLATE) await dropTemplateAndCopies(process.env.R2W_TEST_POSTGRES_TEMPLATE);
}
