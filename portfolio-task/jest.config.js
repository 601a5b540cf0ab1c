const { typescript, esModules } = require('../jest-transform.cjs');

const ES_MODULES_ONLY = ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'].join('|');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'portfolio-task',
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': typescript,
    // franc and its helpers ship only ES modules: the built package loads them with Node's
    // require(esm), which jest's module system lacks, so here they are compiled to CommonJS.
    [`/node_modules/(?:${ES_MODULES_ONLY})/.+\\.js$`]: esModules,
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ES_MODULES_ONLY})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@r2w/cv-schema$': '<rootDir>/../cv-schema/src/index.ts',
    '^@r2w/cv-schema/api$': '<rootDir>/../cv-schema/src/api/index.ts',
    '^@r2w/storage$': '<rootDir>/../storage/src/index.ts',
  },
  testTimeout: 30_000,
  reporters: ['default', ['<rootDir>/../backend/test/support/summary-reporter.js', { label: 'portfolio-task' }]],
};
