const { typescript } = require('../jest-transform.cjs');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'ecs',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': typescript,
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The tests hold the task definitions to the app's own configuration schemas, read from source.
  moduleNameMapper: {
    '^@r2w/cv-schema$': '<rootDir>/../cv-schema/src/index.ts',
    '^@r2w/storage$': '<rootDir>/../storage/src/index.ts',
    '^@r2w/portfolio-task/site-csp$': '<rootDir>/../portfolio-task/src/render/site-csp.ts',
  },
  // Synthesizing the stack takes seconds of CPU: the global set-up does it once for all files.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  reporters: ['default', ['<rootDir>/../backend/test/support/summary-reporter.js', { label: 'ecs' }]],
};
