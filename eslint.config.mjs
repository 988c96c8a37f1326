// Lint rules, including the import zones that keep the layers of ARCHITECTURE.md apart:
//   simulation ← db (types only) ← electron/backend ← electron/{main,web,cli}
//   simulation ← renderer (pure functions, types); renderer → electron/common (types only)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Module names go in `paths` (exact names); folder globs go in `patterns` (gitignore syntax,
// where a bare word such as "electron" would also match the electron/ folder).
const zone = (files, patterns, modules = [], extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: modules.flatMap(([names, message]) => names.map((name) => ({ name, message }))), patterns }], ...extra },
});

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process', 'http', 'url'];

const simulationPatterns = [
  { group: ['**/electron/**', '**/renderer/**', '**/db', '**/db/**'], message: 'simulation/ is the pure core: it imports no outer layer.' },
  { group: ['node:*', 'd3-*'], message: 'simulation/ does no I/O and uses no Node, DOM or UI library.' },
];
const simulationModules = [[[...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'd3'], 'simulation/ does no I/O and uses no Node, DOM or UI library.']];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'assets/', 'bin/', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  zone(['simulation/**/*.ts'], simulationPatterns, simulationModules, {
    'no-restricted-globals': ['error',
      { name: 'setTimeout', message: 'simulation/ uses no timers: the host drives it.' },
      { name: 'setInterval', message: 'simulation/ uses no timers.' },
      { name: 'performance', message: 'the wall clock is injected (RunControl.now).' },
    ],
    'no-restricted-properties': ['error',
      { object: 'Math', property: 'random', message: 'use the seeded streams in simulation/random.' },
      { object: 'Date', property: 'now', message: 'the wall clock is injected (RunControl.now).' },
    ],
  }),
  // The result document's types are a leaf: every layer reads them, they read nothing back.
  zone(['simulation/result/**/*.ts'], [
    ...simulationPatterns,
    { group: ['../*'], message: 'simulation/result/ is a leaf: it imports only from simulation/result/.' },
  ], simulationModules),
  zone(['db/**/*.ts'], [
    { group: ['**/electron/**', '**/renderer/**'], message: 'db/ sits below the backend.' },
    { group: ['**/simulation', '**/simulation/**'], message: 'db/ may use simulation types only.', allowTypeImports: true },
  ]),
  zone(['renderer/**/*.ts', 'renderer/**/*.tsx'], [
    { group: ['**/db', '**/db/**', '**/electron/main/**', '**/electron/backend/**', '**/electron/preload/**', '**/electron/web/**', '**/electron/cli/**', 'node:*'], message: 'renderer/ talks only to the contract (electron/common) and pure simulation/ code.' },
    { group: ['**/electron/common/**', '!**/electron/common/limits'], message: 'renderer/ takes only types from the contract (and the values of electron/common/limits).', allowTypeImports: true },
  ], [[['better-sqlite3', 'electron', ...nodeBuiltins], 'renderer/ talks only to the contract and pure simulation/ code.']]),
  zone(['electron/common/**/*.ts'], [
    { group: ['**/db', '**/db/**', '**/backend/**', '**/main/**', '**/renderer/**', 'node:*'], message: 'the contract is types shared by both sides.' },
  ], [[['electron', ...nodeBuiltins], 'the contract is types shared by both sides.']]),
  zone(['electron/backend/**/*.ts'], [
    { group: ['**/electron/main/**', '**/electron/web/**', '**/electron/cli/**', '**/renderer/**'], message: 'the backend is plain Node: no shell.' },
  ], [[['electron'], 'the backend is plain Node: no electron import.']]),
  zone(['electron/web/**/*.ts', 'electron/cli/**/*.ts'], [
    { group: ['**/electron/main/**', '**/renderer/**'], message: 'the web preview and CLI never load Electron.' },
  ], [[['electron'], 'the web preview and CLI never load Electron.']]),
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    // Tests mutate scenarios freely to provoke each validation message.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
