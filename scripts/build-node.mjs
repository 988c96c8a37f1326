// Bundles the Node-side entry points (CLI, web preview, simulation worker, Electron main and
// preload) with esbuild. Runs on `npm install` (prepare) so `npx headroom` works at once.
// Output is CommonJS (.cjs): the sandboxed preload must be CommonJS, and so may everything else.
import { build } from 'esbuild';
import { common } from './esbuild-common.mjs';
import { writeLicences } from './third-party-licences.mjs';

/**
 * The method table's names (electron/common/api.ts), read from the table itself: the sandboxed
 * preload needs only these, not the schemas, so they are put into it as a constant.
 */
async function apiNames() {
  const out = await build({ entryPoints: ['electron/common/api.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const table = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return { methods: Object.keys(table.API), events: Object.keys(table.API_EVENTS) };
}

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

// Help → Licences reads out/licences/ (the shipped packages' licences, Headroom's own).
await writeLicences();
