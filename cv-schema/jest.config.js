/** @type {import('jest').Config} */
module.exports = {
  displayName: 'cv-schema',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true, esModuleInterop: true, target: 'ES2022', strict: true } }] },
  reporters: ['default', ['<rootDir>/../backend/test/support/summary-reporter.js', { label: 'cv-schema' }]],
};
