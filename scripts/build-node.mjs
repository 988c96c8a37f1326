// Bundles the Node-side entry points (CLI, web preview, simulation worker, Electron main and
// preload) with esbuild. Runs on `npm install` (prepare) so `npx headroom` works at once.
// Output is CommonJS (.cjs): the sandboxed preload must be CommonJS, and so may everything else.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The method table's names (electron/common/api.ts), read from the table itself: the sandboxed
 * preload needs only these, not the schemas, so they are put into it as a constant.
 */
async function apiNames() {
  const out = await build({ entryPoints: ['electron/common/api.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const table = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return { methods: Object.keys(table.API), events: Object.keys(table.API_EVENTS) };
}

// `import css from './x.css?raw'` (Vite's spelling, which vitest reads too): the file as text, so
// the HTML report embeds the app's chart stylesheet rather than a copy of it.
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: path.resolve(a.resolveDir, a.path.slice(0, -'?raw'.length)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text', watchFiles: [a.path] }));
  },
};

const common = {
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

await Promise.all([
  build({ ...common, entryPoints: { cli: 'electron/cli/main.ts', web: 'electron/web/main.ts', worker: 'electron/backend/runs/worker.ts' }, outdir: 'out/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { index: 'electron/main/index.ts' }, outdir: 'out/main', outExtension: { '.js': '.cjs' } }),
  build({
    ...common,
    entryPoints: { index: 'electron/preload/index.ts' },
    outdir: 'out/preload',
    outExtension: { '.js': '.cjs' },
    define: { ...common.define, __HEADROOM_API_NAMES__: JSON.stringify(await apiNames()) },
  }),
]);
