// Interface preferences: the colour theme, defaulting to the system's and remembered across
// launches; the side panels' widths and collapsed state, remembered too; presentation view and
// the shortcut sheet, which every launch starts without.
import type { StateCreator } from 'zustand';
import type { AppState, PanelId, PanelLayout, Theme, UiSlice } from './types';
import { rememberedPanels, rememberedTheme, rememberPanels, rememberTheme } from './session';

/** Widths (CSS px) a panel may be dragged to; the defaults are the layout's before panels resized. */
export const PANEL_LIMITS: Record<PanelId, { min: number; max: number; initial: number }> = {
  sidebar: { min: 180, max: 480, initial: 260 },
  editor: { min: 300, max: 760, initial: 400 },
};

const WIDTH_KEY = { sidebar: 'sidebarWidth', editor: 'editorWidth' } as const;
const COLLAPSED_KEY = { sidebar: 'sidebarCollapsed', editor: 'editorCollapsed' } as const;

export function clampPanelWidth(panel: PanelId, width: number): number {
  const { min, max, initial } = PANEL_LIMITS[panel];
  return Number.isFinite(width) ? Math.round(Math.min(max, Math.max(min, width))) : initial;
}

/** The remembered layout, each part checked on its own (a bad or missing part takes its default). */
export function panelLayoutFrom(saved: unknown): PanelLayout {
  const o = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const width = (panel: PanelId) => {
    const v = o[WIDTH_KEY[panel]];
    return typeof v === 'number' ? clampPanelWidth(panel, v) : PANEL_LIMITS[panel].initial;
  };
  return {
    sidebarWidth: width('sidebar'),
    editorWidth: width('editor'),
    sidebarCollapsed: o.sidebarCollapsed === true,
    editorCollapsed: o.editorCollapsed === true,
  };
}

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
  presenting: false,
  setPresenting(on) {
    set({ presenting: on });
  },
  panels: panelLayoutFrom(rememberedPanels()),
  setPanelWidth(panel, width) {
    const panels = { ...get().panels, [WIDTH_KEY[panel]]: clampPanelWidth(panel, width) };
    rememberPanels(panels);
    set({ panels });
  },
  togglePanel(panel) {
    const key = COLLAPSED_KEY[panel];
    const panels = { ...get().panels, [key]: !get().panels[key] };
    rememberPanels(panels);
    set({ panels });
  },
  shortcutsOpen: false,
  openShortcuts() {
    set({ shortcutsOpen: true });
  },
  closeShortcuts() {
    set({ shortcutsOpen: false });
  },
  licencesOpen: false,
  setLicencesOpen(open) {
    set({ licencesOpen: open });
  },
});
