// Lint rules, including the import zones that keep the layers of ARCHITECTURE.md apart:
//   simulation ← db (types only) ← electron/backend ← electron/{main,web,cli}
//   simulation ← renderer (pure functions, types); renderer → electron/common (types only)
//   renderer/charts (a leaf) ← electron/backend/report (the report renders the app's charts)
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Module names go in `paths` (exact names); folder globs go in `patterns` (gitignore syntax,
// where a bare word such as "electron" would also match the electron/ folder).
const zone = (files, patterns, modules = [], extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: modules.flatMap(([names, message]) => names.map((name) => ({ name, message }))), patterns }], ...extra },
});

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process', 'http', 'url'];

// Outside simulation/, the engine is used through its public entries only: simulation (index.ts)
// and simulation/present (index.ts). Its internals can then move without touching the layers above.
const deepSimulation = { group: ['**/simulation/*', '!**/simulation/present'], message: 'import simulation/ through its public entries: simulation or simulation/present.' };

const rendererPatterns = [
  { group: ['**/db', '**/db/**', '**/electron/main/**', '**/electron/backend/**', '**/electron/preload/**', '**/electron/web/**', '**/electron/cli/**', 'node:*'], message: 'renderer/ talks only to the contract (electron/common) and pure simulation/ code.' },
  { group: ['**/electron/common/**', '!**/electron/common/limits'], message: 'renderer/ takes only types from the contract (and the values of electron/common/limits).', allowTypeImports: true },
  deepSimulation,
];
const rendererModules = [[['better-sqlite3', 'electron', ...nodeBuiltins], 'renderer/ talks only to the contract and pure simulation/ code.']];

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
  // Formatting, checked in `npm run lint` and applied by `npm run lint -- --fix` (our Prettier:
  // the rules the code already follows, so formatting never churns a diff).
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, ignoredNodes: ['ConditionalExpression *', 'TemplateLiteral *'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/jsx-quotes': ['error', 'prefer-double'],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0, maxBOF: 0 }],
      '@stylistic/no-tabs': 'error',
      '@stylistic/linebreak-style': ['error', 'unix'],
      '@stylistic/max-len': ['error', { code: 240, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  // Type-aware rules: a promise nobody awaits or handles is how a failed save goes unnoticed.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./simulation/tsconfig.json', './renderer/tsconfig.json', './tsconfig.node.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // React: the rules of hooks, and accessibility of every control (a name, keyboard reachable).
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A container may listen for Escape from the controls inside it (event delegation); a
      // click handler on a non-interactive element is still an error.
      'jsx-a11y/no-static-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      // A scrollable <pre> must be focusable so that keyboard users can scroll it (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['pre'] }],
      // Focus moves only into an inline form or dialog the user just opened, as the WAI-ARIA
      // dialog pattern asks; nothing takes focus on page load.
      'jsx-a11y/no-autofocus': 'off',
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
    deepSimulation,
  ]),
  zone(['renderer/**/*.ts', 'renderer/**/*.tsx'], rendererPatterns, rendererModules),
  // The charts are a leaf of the renderer: pure models and SVG components, which the HTML report
  // renders too (electron/backend/report), so they read no store, no api and no contract.
  zone(['renderer/charts/**/*.ts', 'renderer/charts/**/*.tsx'], [
    ...rendererPatterns,
    { group: ['**/store', '**/store/**', '**/api', '**/api/**', '**/electron/**', '**/results/**', '**/cluster-tools/**', '**/editor/**', '**/app/**'], message: 'renderer/charts/ is a leaf: no store, api, contract or view import (the report renders it in Node).' },
  ], rendererModules),
  zone(['electron/common/**/*.ts'], [
    { group: ['**/db', '**/db/**', '**/backend/**', '**/main/**', '**/renderer/**', 'node:*'], message: 'the contract is types shared by both sides.' },
    deepSimulation,
  ], [[['electron', ...nodeBuiltins], 'the contract is types shared by both sides.']]),
  zone(['electron/backend/**/*.ts'], [
    { group: ['**/electron/main/**', '**/electron/web/**', '**/electron/cli/**', '**/renderer/**'], message: 'the backend is plain Node: no shell.' },
    deepSimulation,
  ], [[['electron'], 'the backend is plain Node: no electron import.']]),
  // The HTML report draws the app's own charts (pure components, rendered to static SVG) with the
  // app's chart stylesheets as text: renderer/charts/ and renderer/styles/*.css?raw, nothing else.
  zone(['electron/backend/report/**/*.ts'], [
    { group: ['**/electron/main/**', '**/electron/web/**', '**/electron/cli/**', '**/renderer/*', '!**/renderer/charts', '!**/renderer/styles', '**/renderer/styles/*', '!**/renderer/styles/*.css?raw'], message: 'the report may import renderer/charts/ (and the chart stylesheets as ?raw text) only.' },
    deepSimulation,
  ], [[['electron'], 'the backend is plain Node: no electron import.']]),
  zone(['electron/web/**/*.ts', 'electron/cli/**/*.ts'], [
    { group: ['**/electron/main/**', '**/renderer/**'], message: 'the web preview and CLI never load Electron.' },
    deepSimulation,
  ], [[['electron'], 'the web preview and CLI never load Electron.']]),
  zone(['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'], [deepSimulation]),
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    // Tests mutate scenarios freely to provoke each validation message.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
