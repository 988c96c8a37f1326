// The window's size, position and maximised state, remembered in the data folder between
// launches. What is read back is checked: a damaged file, or bounds on a display that is no
// longer attached (a laptop off its dock), give the defaults or a window moved on screen,
// never a window the user cannot see.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../backend/atomic-write';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

function isBounds(v: unknown): v is Bounds {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof b[k] === 'number' && Number.isFinite(b[k]) && Math.abs(b[k] as number) < 1e6);
}

/** The saved state, or null when there is none or it is not one we wrote. */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')) as Record<string, unknown>;
    if (!isBounds(v.bounds) || typeof v.maximized !== 'boolean') return null;
    return { bounds: v.bounds, maximized: v.maximized };
  } catch {
    return null;
  }
}

/** Written whole through a temporary file, so a crash mid-write leaves the old state. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  writeFileAtomic(path.join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`);
}

function overlap(a: Bounds, b: Bounds): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window, given the saved state and the displays' work areas now. The saved
 * bounds are kept when a display shows enough of them (a quarter, and the title bar's row);
 * otherwise they are fitted into the display that shows most of them, or the first. Without
 * saved bounds: the default size, centred by Electron (no x, y).
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Bounds[]): { bounds: Partial<Bounds> & { width: number; height: number }; maximized: boolean } {
  if (!saved || workAreas.length === 0) return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
  const b = saved.bounds;
  const width = Math.max(MIN_SIZE.width, Math.round(b.width));
  const height = Math.max(MIN_SIZE.height, Math.round(b.height));
  const want = { x: Math.round(b.x), y: Math.round(b.y), width, height };
  const best = [...workAreas].sort((p, q) => overlap(want, q) - overlap(want, p))[0]!;
  const titleRow = { x: want.x, y: want.y, width: want.width, height: 32 };
  if (overlap(want, best) >= (want.width * want.height) / 4 && overlap(titleRow, best) > 0) return { bounds: want, maximized: saved.maximized };
  const w = Math.min(want.width, best.width);
  const h = Math.min(want.height, best.height);
  const x = Math.min(Math.max(want.x, best.x), best.x + best.width - w);
  const y = Math.min(Math.max(want.y, best.y), best.y + best.height - h);
  return { bounds: { x, y, width: w, height: h }, maximized: saved.maximized };
}
