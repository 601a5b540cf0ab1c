import { cloneTemplateDatabase } from './databases';

// Each test file that may use PostgreSQL gets a copy of the run's migrated template
// (R2W_TEST_POSTGRES_DB), made before the file's own hooks run.
beforeAll(async () => {
  const template = process.env.R2W_TEST_POSTGRES_TEMPLATE;
  if (!template) throw new Error('R2W_TEST_POSTGRES_TEMPLATE is not set: run the tests through jest (its global set-up creates the template)');
  process.env.R2W_TEST_POSTGRES_DB = await cloneTemplateDatabase(template);
});
