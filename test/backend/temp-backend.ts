// A real backend on a real library in a fresh temporary folder, for one test, and its teardown
// (worker threads stopped, library closed, folder removed); a quick scenario and a run's end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openLibrary, type Library } from '../../db';
import { backendHandlers } from '../../electron/backend/api-handlers';
import { Backend } from '../../electron/backend/backend';
import { API } from '../../electron/common/api';
import { callMethod } from '../../electron/common/api-validate';
import type { RunEvent, RunSummary } from '../../electron/common/contract';

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

/**
 * A fresh temporary backend for each test of the calling file, closed after it; `use` receives
 * each one before its test starts (to assign it to the file's variables).
 */
export function tempBackendForEach(prefix: string, use: (t: TempBackend) => void): void {
  let t: TempBackend;
  beforeEach(() => {
    t = openTempBackend(prefix);
    use(t);
  });
  afterEach(() => closeTempBackend(t));
}

/**
 * The backend as the shells call it: each method through the table's gate (arguments parsed,
 * results checked), taking anything, so that tests can send what a broken renderer would.
 */
export function checked(backend: Backend): Record<keyof typeof API, (...args: unknown[]) => Promise<any>> {
  const handlers = backendHandlers(backend);
  return new Proxy({} as Record<keyof typeof API, (...args: unknown[]) => Promise<any>>, {
    get: (_target, method) => (...args: unknown[]) => callMethod(API, handlers, method, args, { checkResults: true }),
  });
}

const example = fs.readFileSync(path.resolve(__dirname, '../../assets/examples/risk-model-api.json'), 'utf8');

/** The bundled risk-model example shortened to run in a moment (20 s, no warm-up, 3 replications), with `over` applied. */
export function quickExample(over: Record<string, unknown> = {}): string {
  const s = JSON.parse(example) as Record<string, unknown>;
  return JSON.stringify({ ...s, horizon_s: 20, warmup_s: 0, replications: 3, ...over }, null, 2);
}

/** Resolves with the run once it has left `queued` and `running`. */
export function waitForFinal(backend: Backend, runId: string): Promise<RunSummary> {
  return new Promise((resolve) => {
    const off = backend.subscribe((e: RunEvent) => {
      if (e.type === 'status' && e.run.id === runId && !['queued', 'running'].includes(e.run.status)) {
        off();
        resolve(e.run);
      }
    });
  });
}
