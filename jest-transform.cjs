// How every workspace's jest compiles TypeScript: @swc/jest, which strips types without
// checking them (`npm run typecheck` checks them), as ts-jest did in isolatedModules mode
// but in a fraction of the CPU time, most of all on a first run with no transform cache.

const commonjs = { module: { type: 'commonjs' } };

/** TypeScript and TSX (React's automatic runtime) to CommonJS. */
const typescript = ['@swc/jest', { ...commonjs, jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } } }];

/** A package that ships only ES modules, to CommonJS: jest's module system lacks Node's require(esm). */
const esModules = ['@swc/jest', { ...commonjs, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' } }];

module.exports = { typescript, esModules };
