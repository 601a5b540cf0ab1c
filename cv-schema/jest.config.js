const { typescript } = require('../jest-transform.cjs');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'cv-schema',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': typescript },
  reporters: ['default', ['<rootDir>/../backend/test/support/summary-reporter.js', { label: 'cv-schema' }]],
};
