const os = require('node:os');
const { typescript, esModules } = require('../jest-transform.cjs');

// Projects: unit tests (no service), then adapter, system and fault tests against real
// services, run once; the API suite runs twice, on SQLite and on PostgreSQL
// (test/support/use-*.ts pick the database). The global set-up creates and migrates both
// databases for the run (PostgreSQL's not for the unit tier, R2W_TEST_TIER=unit).
const ES_MODULES_ONLY = ['oauth4webapi', 'franc', 'trigram-utils', 'n-gram', 'collapse-white-space'].join('|');

const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': typescript,
    // oauth4webapi and franc (the renderer's language detection, with its helpers) ship only
    // ES modules: the built API loads them with Node's require(esm), which jest's module
    // system lacks, so here they are compiled to CommonJS.
    [`/node_modules/(?:${ES_MODULES_ONLY})/.+\\.js$`]: esModules,
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ES_MODULES_ONLY})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Tests run the sibling packages from source, so they never see a stale build.
  moduleNameMapper: {
    '^@r2w/cv-schema$': '<rootDir>/../cv-schema/src/index.ts',
    '^@r2w/cv-schema/api$': '<rootDir>/../cv-schema/src/api/index.ts',
    '^@r2w/storage$': '<rootDir>/../storage/src/index.ts',
    '^@r2w/storage/s3$': '<rootDir>/../storage/src/s3-storage.ts',
    '^@r2w/portfolio-task$': '<rootDir>/../portfolio-task/src/index.ts',
    '^@r2w/portfolio-task/build-job$': '<rootDir>/../portfolio-task/src/task/build-job.ts',
    '^@r2w/portfolio-task/cv-language$': '<rootDir>/../portfolio-task/src/cv-language.ts',
    '^@r2w/portfolio-task/packaged-files$': '<rootDir>/../portfolio-task/src/task/packaged-files.ts',
  },
  // Every response a test app (test/support/test-app.ts) gives is checked against the API
  // contract; a mismatch fails the test that caused it.
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-violations-fail.ts'],
};

// Each file that may use PostgreSQL gets its own copy of the run's migrated template.
const ownPostgresDatabase = '<rootDir>/test/support/own-postgres-database.ts';

/** @type {import('jest').Config} */
module.exports = {
  // Most of the suite waits on child processes and services rather than computing, so two
  // workers finish it sooner even on two cores; every file has its own databases and ports.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testTimeout: 30_000,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'backend' }], '<rootDir>/test/support/fault-reporter.js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    // No service needed: `npm run test:unit` runs this project alone.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/extraction/**/*.test.ts', '<rootDir>/test/eval/**/*.test.ts'] },
    // Real services (Redis, PostgreSQL, moto_server) and real processes.
    {
      ...common,
      displayName: 'services',
      testMatch: ['<rootDir>/test/adapters/**/*.test.ts', '<rootDir>/test/system/**/*.test.ts', '<rootDir>/test/fault/**/*.test.ts'],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, ownPostgresDatabase],
    },
    { ...common, displayName: 'api:sqlite', testMatch: ['<rootDir>/test/api/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/use-sqlite.ts'] },
    {
      ...common,
      displayName: 'api:postgres',
      testMatch: ['<rootDir>/test/api/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/use-postgres.ts'],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, ownPostgresDatabase],
    },
  ],
};
