// ESLint for every workspace: typescript-eslint's recommended rules, the React hooks
// rules for the SPA, and the import boundaries the architecture tests also check (the
// backend's layers; workspaces depending on each other one way). Formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const backendLayers = [
  // Adapters are one cloud part each: they know nothing of who uses them.
  {
    target: './backend/src/adapters',
    from: ['./backend/src/routes', './backend/src/http', './backend/src/worker', './backend/src/builds', './backend/src/extraction', './backend/src/container.ts', './backend/src/app.ts'],
  },
  // Domain modules know nothing of HTTP.
  ...['extraction', 'builds', 'worker', 'db', 'lib', 'observability', 'config'].map((folder) => ({
    target: `./backend/src/${folder}`,
    from: ['./backend/src/routes', './backend/src/http', './backend/src/app.ts'],
  })),
];

// The workspaces, each importing only those before it: cv-schema ← storage ← portfolio-task ← backend.
const workspaceGraph = [
  { target: './cv-schema/src', from: ['./storage', './portfolio-task', './backend', './frontend'] },
  { target: './storage/src', from: ['./portfolio-task', './backend', './frontend'] },
  { target: './portfolio-task/src', from: ['./backend', './frontend'] },
  // The AWS deployment (ecs/) reads the app's configuration in its tests; nothing imports it.
  { target: ['./cv-schema', './storage', './portfolio-task', './backend', './frontend'], from: './ecs' },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'data/**', 'backend/src/db/generated/**', 'frontend/e2e/screenshots/**', 'backend/eval/extraction/recorded/**', 'ecs/cdk.out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Imports resolve as Node resolves them, TypeScript sources included, so that a zone's
    // rule sees the file an import really reaches (workspaces through their symlinks).
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], conditionNames: ['r2w-source', 'types', 'require', 'node', 'default'] })],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...backendLayers, ...workspaceGraph] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      // CommonJS packages load optional parts lazily (the AWS SDK only when S3 is chosen).
      '@typescript-eslint/no-require-imports': [
        'error',
        { allow: ['^\\./s3-storage$', 'full-cv$', 'portfolio-task/dist/(task/task-main|exit-when-done)\\.js$', 'pdfjs-dist', '^aws-xray-sdk-core$', '^winston-cloudwatch$'] },
      ],
      // Stripping control characters from names, keys and text is what those patterns are for.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON bodies whose shape is the thing under test.
    files: ['**/test/**', 'scripts/**', 'frontend/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Benchmarks load the compiled build they measure.
    files: ['scripts/bench/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A CloudFront Function's entry point is the global `handler`, called by the runtime.
    files: ['ecs/functions/**/*.js'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^handler$', caughtErrors: 'none' }] },
  },
  {
    files: ['frontend/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    // The classic hooks rules; the React Compiler's rules come with adopting the compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
