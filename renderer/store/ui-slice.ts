// Interface preferences: the colour theme, defaulting to the system's and remembered across launches.
import type { StateCreator } from 'zustand';
import type { AppState, Theme, UiSlice } from './types';
import { rememberedTheme, rememberTheme } from './session';

function initialTheme(): Theme {
  const saved = rememberedTheme();
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** How long a toast stays up (an Undo must be reachable by keyboard in time). */
const TOAST_MS = 12_000;
let toastTimer: ReturnType<typeof setTimeout> | null = null;
let toastSeq = 0;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  theme: initialTheme(),
  toggleTheme() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    rememberTheme(theme);
    set({ theme });
  },
  toast: null,
  showToast(message, action) {
    if (toastTimer !== null) clearTimeout(toastTimer);
    const id = ++toastSeq;
    set({ toast: { id, message, action } });
    toastTimer = setTimeout(() => {
      if (get().toast?.id === id) set({ toast: null });
    }, TOAST_MS);
  },
  dismissToast() {
    if (toastTimer !== null) clearTimeout(toastTimer);
    toastTimer = null;
    set({ toast: null });
  },
});
