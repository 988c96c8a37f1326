// The esbuild options every Node-side bundle shares (scripts/build-node.mjs, scripts/run-bench.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// `import css from './x.css?raw'` (Vite's spelling, which vitest reads too): the file as text, so
// the HTML report embeds the app's chart stylesheet rather than a copy of it.
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.slice(0, -'?raw'.length)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text', watchFiles: [a.path] }));
  },
};

export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron'],
  // The report renders the app's chart components (renderer/charts) with react-dom/server.
  jsx: 'automatic',
  plugins: [rawText],
  define: { __HEADROOM_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
};

