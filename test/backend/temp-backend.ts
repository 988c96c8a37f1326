// A real backend on a real library in a fresh temporary folder, for one test, and its teardown
// (worker threads stopped, library closed, folder removed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type Library } from '../../db';
import { Backend } from '../../electron/backend/backend';

export interface TempBackend {
  dir: string;
  lib: Library;
  backend: Backend;
}

export function openTempBackend(prefix: string): TempBackend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const lib = openLibrary(dir);
  return { dir, lib, backend: new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 2 }) };
}

export async function closeTempBackend(t: TempBackend): Promise<void> {
  await t.backend.shutdown();
  t.lib.close();
  fs.rmSync(t.dir, { recursive: true, force: true });
}
