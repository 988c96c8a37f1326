// Interface preferences: the colour theme, defaulting to the system's and remembered across launches.
import type { StateCreator } from 'zustand';
import type { AppState, Theme, UiSlice } from './types';
import { rememberedTheme, rememberTheme } from './session';

function initialTheme(): Theme {
  const saved = rememberedTheme();
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  theme: initialTheme(),
  toggleTheme() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    rememberTheme(theme);
    set({ theme });
  },
});
