// Every keyboard shortcut of the app, in one table: the shortcut sheet lists it and
// matchShortcut() decides which one a key press is. Pure (no DOM, no store), so it is unit tested.

export type ShortcutId =
  | 'save' | 'run' | 'undo' | 'redo'
  | 'toggle-library' | 'toggle-editor'
  | 'present' | 'escape' | 'shortcuts'
  | 'prev-chart' | 'next-chart'
  | 'play' | 'playback-start' | 'playback-end' | 'step-back' | 'step-forward';

export interface Shortcut {
  id: ShortcutId;
  /** Each alternative is a list of keys pressed together, as shown on the sheet. */
  keys: readonly (readonly string[])[];
  what: string;
}

export interface ShortcutGroup {
  title: string;
  /** When the group's keys apply, if not always. */
  when?: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Scenario and runs',
    shortcuts: [
      { id: 'save', keys: [['Ctrl', 'S']], what: 'Save the scenario as a new version' },
      { id: 'run', keys: [['Ctrl', 'Enter']], what: 'Save if needed, then run' },
      { id: 'undo', keys: [['Ctrl', 'Z']], what: 'Undo an edit' },
      { id: 'redo', keys: [['Ctrl', 'Shift', 'Z'], ['Ctrl', 'Y']], what: 'Redo' },
      { id: 'escape', keys: [['Esc']], what: 'Close the open dialog; else leave the presentation view; else cancel the running run' },
    ],
  },
  {
    title: 'View',
    shortcuts: [
      { id: 'toggle-library', keys: [['Ctrl', 'B']], what: 'Hide or show the library and runs' },
      { id: 'toggle-editor', keys: [['Ctrl', 'E']], what: 'Hide or show the editor' },
      { id: 'present', keys: [['F5']], what: 'Start or leave the presentation view' },
      { id: 'shortcuts', keys: [['?']], what: 'Show these shortcuts' },
    ],
  },
  {
    title: 'Presentation view',
    when: 'while presenting',
    shortcuts: [
      { id: 'prev-chart', keys: [['←']], what: 'Previous chart' },
      { id: 'next-chart', keys: [['→']], what: 'Next chart' },
    ],
  },
  {
    title: 'Playback',
    when: 'when a run with time charts is shown',
    shortcuts: [
      { id: 'play', keys: [['Space']], what: 'Play or pause' },
      { id: 'playback-start', keys: [['Home']], what: 'Cursor to the start' },
      { id: 'playback-end', keys: [['End']], what: 'Cursor to the end' },
      { id: 'step-back', keys: [['[']], what: 'Step back' },
      { id: 'step-forward', keys: [[']']], what: 'Step forward' },
    ],
  },
];

/** Other ways of typing a key: number fields, whose arrow keys step the value, are on the sheet too. */
export const SHEET_NOTES: readonly string[] = [
  'On macOS, ⌘ works wherever Ctrl is shown.',
  'In a number field, ↑ and ↓ step the value (with Shift, ten steps).',
  'Keys without Ctrl do nothing while you type in a text field, except Esc and F5.',
  'On the pipeline canvas: arrows move between tasks, Home and End go to the first and last, Enter edits the task, Delete removes it or the selected edge, + and − zoom, 0 fits, Esc deselects.',
];

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  /** Focus is in a text field, a select or an editable element: plain keys are typing. */
  typing: boolean;
  /** Focus is on a button, link or summary, which Space activates. */
  activatable: boolean;
  presenting: boolean;
  /** A run with time charts is shown, so the playback keys have something to move. */
  playable: boolean;
}

const PLAYBACK_KEYS = new Map<string, ShortcutId>([['Home', 'playback-start'], ['End', 'playback-end'], ['[', 'step-back'], [']', 'step-forward']]);

/** The shortcut a key press means in this context, or null to leave it to the browser. */
export function matchShortcut(e: KeyLike, ctx: KeyContext): ShortcutId | null {
  if (e.ctrlKey || e.metaKey) {
    if (e.altKey) return null;
    switch (e.key.toLowerCase()) {
      case 's': return e.shiftKey ? null : 'save';
      case 'enter': return 'run';
      case 'y': return 'redo';
      case 'z': return e.shiftKey ? 'redo' : 'undo';
      case 'b': return e.shiftKey ? null : 'toggle-library';
      case 'e': return e.shiftKey ? null : 'toggle-editor';
      default: return null;
    }
  }
  if (e.altKey) return null;
  if (e.key === 'F5' && !e.shiftKey) return 'present';
  if (e.key === 'Escape') return 'escape';
  if (ctx.typing) return null;
  if (e.key === '?' || (e.shiftKey && e.code === 'Slash')) return 'shortcuts';
  if (e.shiftKey) return null;
  if (ctx.presenting && e.key === 'ArrowLeft') return 'prev-chart';
  if (ctx.presenting && e.key === 'ArrowRight') return 'next-chart';
  if (!ctx.playable) return null;
  if (e.key === ' ') return ctx.activatable ? null : 'play';
  return PLAYBACK_KEYS.get(e.key) ?? null;
}
