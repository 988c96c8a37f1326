// Shared fixtures for the db tests: a fresh data folder per test, a ticking clock, sample input.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Clock, NewScenarioVersion } from '../../db';

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
