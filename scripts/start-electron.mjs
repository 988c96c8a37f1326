// `npm start`: launches the built desktop app. The Electron binary is not downloaded by
// `npm install` (electron@45 fetches it on first use); say loudly what to do when it is absent.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch (e) {
  console.error(`
  ================================================================================
  The Electron binary is not installed, so the desktop app cannot start here.
  On a machine with internet access run:   npx install-electron   (then npm start)
  Everything else works without it:
    npm run web        the same app in your browser (127.0.0.1, per-launch token)
    npx headroom ...   the command line
  (${e instanceof Error ? e.message.split('\n')[0] : e})
  ================================================================================
`);
  process.exit(1);
}
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
