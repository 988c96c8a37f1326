// Undo/redo over the editor's scenario text. Keystrokes in the same field within a short
// window are coalesced into one step, so Ctrl+Z undoes a typed number, not one digit.
export interface TextHistory {
  past: string[];
  future: string[];
  /** Field (or "json") of the last recorded edit, for coalescing. */
  lastKey: string | null;
  lastAt: number;
}

export const EMPTY_HISTORY: TextHistory = { past: [], future: [], lastKey: null, lastAt: 0 };
const COALESCE_MS = 1000;
const LIMIT = 200;

/** Records that `previous` was replaced by an edit of `key` at time `now` (ms). */
export function recordEdit(h: TextHistory, previous: string, key: string, now: number): TextHistory {
  const coalesce = h.lastKey === key && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, previous].slice(-LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undoText(h: TextHistory, current: string): { history: TextHistory; text: string } | null {
  const text = h.past[h.past.length - 1];
  if (text === undefined) return null;
  return { text, history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: 0 } };
}

export function redoText(h: TextHistory, current: string): { history: TextHistory; text: string } | null {
  const text = h.future[0];
  if (text === undefined) return null;
  return { text, history: { past: [...h.past, current], future: h.future.slice(1), lastKey: null, lastAt: 0 } };
}
