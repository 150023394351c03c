import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's globals for the CommonJS scripts (listed here rather than pulling in a package for them). */
const nodeGlobals = Object.fromEntries([
  'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'URLSearchParams',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'structuredClone',
  'AbortController', 'TextDecoder', 'TextEncoder', 'performance', 'fetch',
].map((name) => [name, 'readonly']));

/** What the page scripts that playwright runs in the workbench may use. */
const browserGlobals = Object.fromEntries(['document', 'window', 'navigator', 'HTMLElement', 'Element', 'getComputedStyle'].map((name) => [name, 'readonly']));

/** Everything that is not the VS Code adapter layer (or its integration tests) must not see the VS Code API. */
const NO_VSCODE = { name: 'vscode', allowTypeImports: true, message: 'Only src/vscode (and test/integration) may use the VS Code API; keep the rest runnable from the CLI and the unit tests.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'examples/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-imports': ['error', { paths: [NO_VSCODE] }],
    },
  },
  {
    // The build and test scripts are plain CommonJS for Node; they are linted, without type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'commonjs',
      globals: nodeGlobals,
      parserOptions: { projectService: false, program: null, project: false },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['eslint.config.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['test/ui/**/*.js', 'test/web/**/*.js', 'scripts/vscode-host/**/*.js'], languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } } },
  {
    // The extension benchmark runs inside the VS Code host too.
    files: ['src/vscode/**/*.ts', 'test/integration/**/*.ts', 'test/bench/extension.bench.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The core is what the CLI and the unit tests run: no VS Code, no Node built-ins, no I/O, no edge layer.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not see the VS Code API, not even its types; convert at the edge (src/vscode).' },
          ...['fs', 'fs/promises', 'path', 'os', 'child_process', 'util', 'crypto', 'events', 'stream', 'url', 'worker_threads', 'readline'].map((name) => ({
            name, message: 'src/core is pure: no Node built-ins. Do I/O in src/node and pass data (or VaultFs) in.',
          })),
        ],
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: no Node built-ins. Do I/O in src/node and pass data (or VaultFs) in.' },
          { group: ['**/node/*', '**/node', '../node/**', '**/cli/*', '**/cli', '**/vscode/*', '**/vscode'], message: 'src/core depends on nothing outside it: the edges (src/node, src/cli, src/vscode) depend on the core, never the other way.' },
        ],
      }],
    },
  },
);
