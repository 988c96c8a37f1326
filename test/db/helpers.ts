// Shared fixtures for the db tests: a fresh data folder per test, a ticking clock, sample input.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openLibrary, type Clock, type NewScenarioVersion } from '../../db';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty temporary data folder, removed after the test. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-db-'));
  made.push(dir);
  return dir;
}

/** A clock that advances one second per reading, so every timestamp is distinct and ordered. */
export function tickingClock(start = Date.UTC(2025, 0, 1)): Clock {
  let t = start;
  return () => new Date((t += 1000));
}

export function scenarioInput(name: string, sections: string[] = ['serving']): NewScenarioVersion {
  const json = JSON.stringify({ name, sections }, null, 2);
  return { name, json, sections, sha256: createHash('sha256').update(json).digest('hex') };
}

/**
 * Creates the library in `dataDir` (by default a new temporary folder) with one scenario named
 * `name`, and closes it: where the tests that then damage, lock or refuse it start.
 */
export function libraryWith(name: string, dataDir = tempDataDir()): { dataDir: string; file: string } {
  const library = openLibrary(dataDir);
  library.scenarios.createScenario(scenarioInput(name));
  library.close();
  return { dataDir, file: library.path };
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The pid of a process that has already exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** The error `fn` throws (fails the test if it returns). */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to throw');
}

export interface Tmpfs {
  dir: string;
  remountReadOnly(): void;
}

const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) {
    spawnSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

let tmpfsPossible: boolean | undefined;

/** Whether this machine lets the tests mount a tmpfs (Linux, root, and mount permitted). Cached. */
export function canMountTmpfs(): boolean {
  if (tmpfsPossible === undefined) {
    const probe = mountTmpfs(64);
    tmpfsPossible = probe !== null;
    if (probe) {
      spawnSync('umount', ['-l', probe.dir]);
      fs.rmSync(probe.dir, { recursive: true, force: true });
      mounted.splice(mounted.indexOf(probe.dir), 1);
    }
  }
  return tmpfsPossible;
}

/**
 * A small tmpfs of `sizeKb`, unmounted after the test; null where mounting is impossible
 * (not Linux, not root, or no permission), in which case tests fall back to an injected failure.
 * Call it inside a test (mounts are undone after each test).
 */
export function mountTmpfs(sizeKb: number): Tmpfs | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounted.push(dir);
  return {
    dir,
    remountReadOnly: () => {
      const ro = spawnSync('mount', ['-o', 'remount,ro', dir]);
      if (ro.status !== 0) throw new Error(`remount ro failed: ${ro.stderr.toString()}`);
    },
  };
}

/** Writes filler into `dir` until the file system reports it full. */
export function fillDisk(dir: string): string {
  const file = path.join(dir, 'filler.bin');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // Fill the last partial block too.
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(512, 1));
  } catch {
    // full
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Every file in a folder tree with its SHA-256, to prove a failure changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) out[name] = fileSha256(file);
  }
  return out;
}
