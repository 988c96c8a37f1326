// File → Open Recent: the scenario files opened or imported last, newest first, kept in the data
// folder (and told to the system's own recent list). A path that is gone is dropped when shown.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../backend/atomic-write';

export const RECENT_FILE = 'recent-files.json';
export const MAX_RECENT = 10;

export function readRecent(dataDir: string): string[] {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, RECENT_FILE), 'utf8')) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)).slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

/** The list with `files` put first (deduplicated, at most MAX_RECENT), written whole. */
export function addRecent(dataDir: string, files: readonly string[]): string[] {
  const list = [...files.map((f) => path.resolve(f)).reverse(), ...readRecent(dataDir)];
  const next = list.filter((p, i) => list.indexOf(p) === i).slice(0, MAX_RECENT);
  writeRecent(dataDir, next);
  return next;
}

export function clearRecent(dataDir: string): void {
  writeRecent(dataDir, []);
}

function writeRecent(dataDir: string, list: readonly string[]): void {
  writeFileAtomic(path.join(dataDir, RECENT_FILE), `${JSON.stringify(list, null, 2)}\n`);
}

/** The recent files that still exist, for the menu. */
export function existingRecent(dataDir: string): string[] {
  return readRecent(dataDir).filter((p) => fs.existsSync(p));
}
