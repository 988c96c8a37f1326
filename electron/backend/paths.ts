// Where the app's own files are, from the location of the running bundle. Bundles live in
// out/node/ and out/main/ (two levels below the app root); sources in electron/backend/ too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AppPaths {
  root: string;
  examplesDir: string;
  rendererDir: string;
  /** What the build writes for Help → Licences (scripts/third-party-licences.mjs). */
  licencesDir: string;
  workerScript: string;
}

let cached: AppPaths | undefined;

export function appPaths(): AppPaths {
  if (cached) return cached;
  const root = process.env.HEADROOM_APP_ROOT ?? findRoot(__dirname);
  cached = {
    root,
    examplesDir: path.join(root, 'assets', 'examples'),
    rendererDir: path.join(root, 'out', 'renderer'),
    licencesDir: path.join(root, 'out', 'licences'),
    workerScript: path.join(root, 'out', 'node', 'worker.cjs'),
  };
  return cached;
}

function findRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(start, '..', '..');
}

/**
 * The library's folder: HEADROOM_DATA_DIR, else the folder Electron uses as `userData`
 * for an app named Headroom, so the desktop app, the preview and the CLI share one library.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HEADROOM_DATA_DIR) return path.resolve(env.HEADROOM_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Headroom');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Headroom');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Headroom');
  }
}
