// `npm run bench [-- section]`: bundles bench/run.ts with the same esbuild options as the app
// (so the backend's `*.css?raw` imports and JSX load as they do in the CLI), then runs it.
// The bundle sits beside the sources (bench/run.bundle.cjs) so their __dirname paths hold.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { common } from './esbuild-common.mjs';

await build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'bench/run.bundle.cjs', sourcemap: false, external: [...common.external, 'fast-check'] });
const r = spawnSync(process.execPath, ['bench/run.bundle.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
