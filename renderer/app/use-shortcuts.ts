// App-wide keyboard shortcuts (the table and the matching: shortcut-list.ts). The editor's text is
// controlled by the store, so the browser's own undo in inputs is replaced by the store's history.
// Keys a focused control handled itself (default prevented) are left alone, except with Ctrl.
import { useEffect } from 'react';
import { playbackSpan, playbackStep } from '../../simulation/present';
import { useAppStore } from '../store';
import { IN_FLIGHT } from '../store/runs-slice';
import type { AppState } from '../store/types';
import { stepChart } from './chart-nav';
import { matchShortcut, type ShortcutId } from './shortcut-list';

const TEXT_INPUT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);

function isTyping(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  // A range or a radio group also takes the arrow keys: treat every input but buttons as typing.
  return el instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(el.type);
}

function isActivatable(el: Element | null): boolean {
  return el instanceof HTMLElement && el.closest('button, a[href], summary, [role="button"], [role="separator"], input') !== null;
}

/** The result the playback keys move through: the selected run's, when its time charts are shown. */
function playableResult(s: AppState) {
  if (s.compareWith !== null || (s.historyOpen && s.editorScenarioId !== null) || s.selectedRunId === null) return null;
  const result = s.results[s.selectedRunId];
  return result && playbackSpan(result) > 0 ? result : null;
}

/** Escape is the focused thing's own when a modal dialog, the toast or an open disclosure has it. */
function escapeIsLocal(): boolean {
  if (document.querySelector('dialog[open]')) return true;
  const active = document.activeElement;
  if (!active || active === document.body) return false;
  if (active.closest('.toast')) return true;
  for (const toggle of document.querySelectorAll('[aria-expanded="true"][aria-controls]')) {
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (toggle.contains(active) || panel?.contains(active)) return true;
  }
  return false;
}

function runInFlight(s: AppState): boolean {
  const active = s.runs.find((r) => r.id === s.activeRunId);
  return active !== undefined && IN_FLIGHT.includes(active.status);
}

function onEscape(s: AppState): boolean {
  if (escapeIsLocal()) return false;
  if (s.presenting) {
    s.setPresenting(false);
    return true;
  }
  if (runInFlight(s)) {
    void s.cancelRun();
    return true;
  }
  return false;
}

function onPlayback(s: AppState, id: ShortcutId): void {
  const result = playableResult(s);
  if (!result) return;
  const span = playbackSpan(result);
  const step = playbackStep(result);
  const at = s.playbackT ?? 0;
  if (id === 'play') {
    if (!s.playing && (s.playbackT === null || s.playbackT >= span)) s.setPlaybackT(0);
    s.setPlaying(!s.playing);
    return;
  }
  s.setPlaying(false);
  if (id === 'playback-start') s.setPlaybackT(0);
  else if (id === 'playback-end') s.setPlaybackT(span);
  else if (id === 'step-back') s.setPlaybackT(Math.max(0, at - step));
  else if (id === 'step-forward') s.setPlaybackT(Math.min(span, at + step));
}

/** Runs the shortcut; false when it turned out to have nothing to do (the key then stays the browser's). */
function perform(id: ShortcutId, s: AppState): boolean {
  switch (id) {
    case 'save': void s.saveScenario(); return true;
    case 'run': void s.startRun(); return true;
    case 'undo': s.undo(); return true;
    case 'redo': s.redo(); return true;
    case 'toggle-library': if (!s.presenting) s.togglePanel('sidebar'); return true;
    case 'toggle-editor': if (!s.presenting) s.togglePanel('editor'); return true;
    case 'present': s.setPresenting(!s.presenting); return true;
    case 'shortcuts': s.openShortcuts(); return true;
    case 'escape': return onEscape(s);
    case 'prev-chart': stepChart(-1); return true;
    case 'next-chart': stepChart(1); return true;
    default: onPlayback(s, id); return true;
  }
}

export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const modified = e.ctrlKey || e.metaKey;
      if (e.defaultPrevented && !modified) return;
      const s = useAppStore.getState();
      const target = e.target instanceof Element ? e.target : document.activeElement;
      const id = matchShortcut(e, {
        typing: isTyping(target),
        activatable: isActivatable(target),
        presenting: s.presenting,
        playable: playableResult(s) !== null,
      });
      if (id === null) return;
      // Under a modal dialog plain keys are the dialog's; F5 still presents (and never reloads).
      if (id !== 'escape' && id !== 'present' && !modified && document.querySelector('dialog[open]')) return;
      if (perform(id, s)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
