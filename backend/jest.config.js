// Projects: adapter, unit and system tests run once; the API suite runs twice, on
// SQLite and on PostgreSQL (test/support/use-*.ts pick the database). The global
// set-up creates and migrates both databases for the run.
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Tests run the sibling packages from source, so they never see a stale build.
  moduleNameMapper: { '^@r2w/cv-schema$': '<rootDir>/../cv-schema/src/index.ts', '^@r2w/portfolio-task$': '<rootDir>/../portfolio-task/src/index.ts' },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'backend' }], '<rootDir>/test/support/fault-reporter.js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/adapters/**/*.test.ts', '<rootDir>/test/system/**/*.test.ts', '<rootDir>/test/extraction/**/*.test.ts', '<rootDir>/test/eval/**/*.test.ts', '<rootDir>/test/fault/**/*.test.ts'] },
    { ...common, displayName: 'api:sqlite', testMatch: ['<rootDir>/test/api/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/use-sqlite.ts'] },
    { ...common, displayName: 'api:postgres', testMatch: ['<rootDir>/test/api/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/use-postgres.ts'] },
  ],
};
