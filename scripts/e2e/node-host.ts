// The real machine behind find-browser.ts's BrowserHost.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import type { BrowserHost } from './find-browser';

export function nodeBrowserHost(): BrowserHost {
  return {
    env: process.env,
    platform: process.platform,
    isFile(p) {
      try {
        const st = fs.statSync(p);
        if (!st.isFile()) return false;
        if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    playwrightChromium() {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    run(cmd, args) {
      const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', timeout: 15 * 60_000 });
      return r.status === 0;
    },
    isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
    log: (line) => console.log(line),
  };
}
