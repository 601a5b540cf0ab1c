// Three projects: adapter and unit tests run once; the API suite runs twice, once on
// SQLite and once on PostgreSQL (the database is chosen in test/support/db-env.ts).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/adapters/**/*.test.ts'] },
    { ...common, displayName: 'api:sqlite', testMatch: ['<rootDir>/test/api/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/db-sqlite.ts'] },
    { ...common, displayName: 'api:postgres', testMatch: ['<rootDir>/test/api/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/db-postgres.ts'] },
  ],
};
